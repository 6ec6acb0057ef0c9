package fi.polku.api;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.TestReferrals;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two acceptance defects of the referral API, on PostgreSQL: a case must not become visible to
 * an agency that takes no part in it (a returned referral's receiver, or after a withdrawn
 * consent), and a retried request that races its original must never answer 500.
 */
class CaseVisibilityAndRetryIT extends PostgresSpringTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void aReferralReturnedForWantOfConsentIsNotFoundByTheSoteCentre() throws Exception {
    HttpResponse<String> created = refer(TestReferrals.randomTestCode(), false, null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();

    HttpResponse<String> referrer = read(caseNumber, "te-system");
    HttpResponse<String> receiver = read(caseNumber, "sote-system");
    HttpResponse<String> receiversConsents = http.send(http.request("/api/cases/" + caseNumber + "/consents",
        "sote-system", SYSTEM_PASSWORD).GET().build());

    assertThat(referrer.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(referrer.body()).get("agencies").toString()).isEqualTo("[\"te\"]");
    assertThat(receiver.statusCode()).as(receiver.body()).isEqualTo(404);
    assertThat(receiver.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(receiver.body()).doesNotContain("rejected").doesNotContain("Suostumus");
    assertThat(receiversConsents.statusCode()).isEqualTo(404);
  }

  @Test
  void anAgencyThatTakesPartOnlyThroughAConsentIsOutTheMomentItIsWithdrawn() throws Exception {
    HttpResponse<String> created = refer(TestReferrals.randomTestCode(), true, null);
    String caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();
    assertThat(read(caseNumber, "kela-system").statusCode()).as("Kela before any consent").isEqualTo(404);

    HttpResponse<String> given = http.send(http.request("/api/cases/" + caseNumber + "/consents", "te-system",
        SYSTEM_PASSWORD).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"fromAgency\":\"te\",\"toAgency\":\"kela\",\"scope\":\"status\",\"givenOn\":\"" + LocalDate.now(WorkingDays.FINLAND)
                + "\",\"validUntil\":\"" + LocalDate.now(WorkingDays.FINLAND).plusMonths(3) + "\"}")).build());
    assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
    assertThat(read(caseNumber, "kela-system").statusCode()).as("Kela with the consent").isEqualTo(200);

    HttpResponse<String> withdrawn = http.send(http.request("/api/cases/" + caseNumber + "/consents/"
        + JSON.readTree(given.body()).get("id").asText() + "/withdrawal", "te-system", SYSTEM_PASSWORD)
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isBetween(200, 204);

    assertThat(read(caseNumber, "kela-system").statusCode()).as("Kela after the withdrawal").isEqualTo(404);
    assertThat(read(caseNumber, "sote-system").statusCode()).as("the sote centre received the referral").isEqualTo(200);
  }

  @Test
  void requestsWithTheSameIdempotencyKeyAtTheSameMomentCreateOneReferralAndNeverAnswer500() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int attempt = 0; attempt < 4; attempt++) {
        String identityCode = TestReferrals.randomTestCode();
        String key = "race-" + identityCode;
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int request = 0; request < 4; request++) {
          answers.add(CompletableFuture.supplyAsync(() -> {
            try {
              go.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return refer(identityCode, true, key);
          }, pool));
        }
        go.countDown();

        String created = null;
        for (CompletableFuture<HttpResponse<String>> future : answers) {
          HttpResponse<String> answer = future.get();
          assertThat(answer.statusCode()).as(answer.body()).isIn(201, 409);
          if (answer.statusCode() == 201) {
            assertThat(created == null || created.equals(answer.body())).as("every 201 is the first answer").isTrue();
            created = answer.body();
          } else {
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(JSON.readTree(answer.body()).get("title").asText()).isEqualTo("Request in progress");
          }
        }
        assertThat(created).as("one request created the referral").isNotNull();
        String caseNumber = JSON.readTree(created).get("caseNumber").asText();
        assertThat(jdbc.queryForObject("select count(*) from referral r join client_case c on c.case_number = r.case_number"
            + " where c.client_id = (select client_id from client_case where case_number = ?)", Integer.class, caseNumber))
            .isOne();
        // A retry afterwards gets the same answer.
        HttpResponse<String> retried = refer(identityCode, true, key);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(created);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private HttpResponse<String> read(String caseNumber, String system) {
    return http.send(http.request("/api/cases/" + caseNumber, system, SYSTEM_PASSWORD).GET().build());
  }

  private HttpResponse<String> refer(String identityCode, boolean consent, String key) {
    String body = "{\"identityCode\":\"" + identityCode + "\",\"name\":\"Testi Asiakas\",\"email\":\"asiakas@polku.invalid\","
        + "\"municipality\":\"Vaasa\",\"unemploymentMonths\":30,\"criteria\":" + TestReferrals.criteriaJson() + ","
        + "\"reason\":\"Toistuvat työttömyysjaksot\",\"question\":\"Mikä tukisi työllistymistä?\""
        + (consent ? ",\"consent\":{\"includesHealth\":false,\"validUntil\":\"" + LocalDate.now(WorkingDays.FINLAND).plusYears(1) + "\"}" : "")
        + "}";
    HttpRequest.Builder request = http.request("/api/referrals", "te-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request.build());
  }
}
