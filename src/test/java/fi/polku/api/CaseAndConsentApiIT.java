package fi.polku.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Other agencies' systems and the administrator use cases and consents through /api, on PostgreSQL. */
class CaseAndConsentApiIT extends PostgresSpringTest {

  static final ObjectMapper JSON = new ObjectMapper();
  /** Made-up people with temporary-range individual numbers (900–999). */
  static final String MATTI = "150385-9013";
  static final String LIISA = "020604A9316";

  @LocalServerPort int port;
  @Autowired ConsentService consents;
  @Autowired ClientCaseService cases;
  @Autowired JdbcTemplate jdbc;
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void aCaseIsOpenedWithAReadableNumberAndTheSameClientIsFoundAgain() throws Exception {
    HttpResponse<String> first = post("/api/cases", "te-system", newCase(MATTI));
    HttpResponse<String> second = post("/api/cases", "te-system", newCase(" " + MATTI.toLowerCase() + " "));

    assertThat(first.statusCode()).isEqualTo(201);
    String caseNumber = JSON.readTree(first.body()).get("caseNumber").asText();
    assertThat(caseNumber).matches("TK-20\\d\\d-\\d{6}");
    assertThat(first.headers().firstValue("Location")).hasValue("/api/cases/" + caseNumber);
    assertThat(JSON.readTree(first.body()).get("temporaryIdentityCode").asBoolean()).isTrue();
    String secondNumber = JSON.readTree(second.body()).get("caseNumber").asText();
    assertThat(secondNumber).isNotEqualTo(caseNumber);
    assertThat(cases.caseNumbersOf(PersonalIdentityCode.parse(MATTI))).contains(caseNumber, secondNumber);
    assertThat(cases.get(caseNumber).clientId()).isEqualTo(cases.get(secondNumber).clientId());
    assertThat(jdbc.queryForObject("select count(*) from client where identity_encrypted like ?", Integer.class,
        "%" + MATTI + "%")).isZero();
  }

  @Test
  void aCallerFromAnAgencyOutsideTheCaseGetsNotFound() throws Exception {
    String caseNumber = openCase(LIISA);

    HttpResponse<String> outsider = http.send(http.request("/api/cases/" + caseNumber, "kela-system", SYSTEM_PASSWORD).GET().build());
    HttpResponse<String> member = http.send(http.request("/api/cases/" + caseNumber, "te-system", SYSTEM_PASSWORD).GET().build());

    assertThat(outsider.statusCode()).isEqualTo(404);
    assertThat(outsider.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(member.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(member.body()).get("agencies").toString()).contains("te").doesNotContain("kela");
  }

  @Test
  void consentIsGivenCheckedWithdrawnAndCheckedAgainWithAnAuditRowEachTime() throws Exception {
    String caseNumber = openCase(LIISA);
    String consent = "{\"fromAgency\":\"te\",\"toAgency\":\"sote\",\"scope\":\"plan\","
        + "\"givenOn\":\"2026-01-15\",\"validUntil\":\"2027-12-31\"}";

    HttpResponse<String> given = post("/api/cases/" + caseNumber + "/consents", "te-system", consent);
    assertThat(given.statusCode()).isEqualTo(201);
    long id = JSON.readTree(given.body()).get("id").asLong();
    assertThat(given.headers().firstValue("Location")).hasValue("/api/cases/" + caseNumber + "/consents/" + id);

    boolean before = consents.allows(caseNumber, Agency.TE, Agency.SOTE, ConsentScope.PLAN, "it", "plan to sote");
    boolean otherScope = consents.allows(caseNumber, Agency.TE, Agency.SOTE, ConsentScope.HEALTH, "it", "health to sote");
    HttpResponse<String> withdrawn = post("/api/cases/" + caseNumber + "/consents/" + id + "/withdrawal", "te-system", "");
    boolean after = consents.allows(caseNumber, Agency.TE, Agency.SOTE, ConsentScope.PLAN, "it", "plan to sote");

    assertThat(before).isTrue();
    assertThat(otherScope).isFalse();
    assertThat(withdrawn.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(withdrawn.body()).get("withdrawnBy").asText()).isEqualTo("te-system");
    assertThat(after).isFalse();

    HttpResponse<String> audit = http.send(http.request("/api/audit/consent-checks?caseNumber=" + caseNumber,
        ADMIN, ADMIN_PASSWORD).GET().build());
    JsonNode checks = JSON.readTree(audit.body());
    assertThat(checks).hasSize(3);
    assertThat(checks.get(0).get("allowed").asBoolean()).isFalse();
    assertThat(checks.get(0).get("consentId").isNull()).isTrue();
    assertThat(checks.get(2).get("allowed").asBoolean()).isTrue();
    assertThat(checks.get(2).get("consentId").asLong()).isEqualTo(id);
    assertThat(checks.get(2).get("checkedBy").asText()).isEqualTo("it");

    HttpResponse<String> notAdmin = http.send(http.request("/api/audit/consent-checks", "te-system", SYSTEM_PASSWORD).GET().build());
    assertThat(notAdmin.statusCode()).isEqualTo(403);
  }

  @Test
  void anAgencyTakesPartInACaseOnlyThroughAConsentInForceThatLetsInformationReachIt() throws Exception {
    String caseNumber = openCase(MATTI);
    // The sote centre may pass its information to employment services: that does not let it see the case.
    post("/api/cases/" + caseNumber + "/consents", "te-system", "{\"fromAgency\":\"sote\",\"toAgency\":\"te\","
        + "\"scope\":\"status\",\"givenOn\":\"2026-01-15\",\"validUntil\":\"2027-12-31\"}");
    assertThat(http.send(http.request("/api/cases/" + caseNumber, "sote-system", SYSTEM_PASSWORD).GET().build())
        .statusCode()).as("a consent from sote is not a consent to it").isEqualTo(404);

    post("/api/cases/" + caseNumber + "/consents", "te-system", "{\"fromAgency\":\"te\",\"toAgency\":\"sote\","
        + "\"scope\":\"status\",\"givenOn\":\"2026-01-15\",\"validUntil\":\"2027-12-31\"}");
    HttpResponse<String> sote = http.send(http.request("/api/cases/" + caseNumber, "sote-system", SYSTEM_PASSWORD).GET().build());
    HttpResponse<String> consentsOfSote = http.send(http.request("/api/cases/" + caseNumber + "/consents", "sote-system",
        SYSTEM_PASSWORD).GET().build());

    assertThat(sote.statusCode()).as("sote takes part through the consent to it").isEqualTo(200);
    assertThat(JSON.readTree(sote.body()).get("agencies").toString()).isEqualTo("[\"te\",\"sote\"]");
    assertThat(JSON.readTree(consentsOfSote.body())).isNotEmpty();
  }

  @Test
  void everyKindOfBadInputIsAnsweredWithAProblemAndStoresNothing() throws Exception {
    String caseNumber = openCase(LIISA);
    String consents = "/api/cases/" + caseNumber + "/consents";
    int before = JSON.readTree(get(consents).body()).size();

    assertProblem(post(consents, "te-system", "{\"fromAgency\":\"te\","), 400, null);
    assertProblem(post(consents, "te-system", valid().replace("}", ",\"color\":\"red\"}")), 400, "color");
    assertProblem(post(consents, "te-system", valid().replace("\"scope\":\"plan\",", "")), 400, "scope");
    assertProblem(post(consents, "te-system", valid().replace("\"2026-01-15\"", "true")), 400, "givenOn");
    assertProblem(post(consents, "te-system", valid().replace("\"2026-01-15\"", "\"15.1.2026\"")), 400, "givenOn");
    assertProblem(post(consents, "te-system", valid().replace("2027-12-31", "2025-12-31")), 400, "validUntil");
    assertProblem(post(consents, "te-system", valid().replace("\"sote\"", "\"police\"")), 400, "toAgency");
    assertProblem(post(consents, "te-system", valid().replace("\"plan\"", "\"everything\"")), 400, "scope");
    assertProblem(post("/api/cases/TK-2026-999999/consents", "te-system", valid()), 404, null);
    assertProblem(post(consents + "/999999/withdrawal", "te-system", ""), 404, null);
    assertProblem(post(consents, "te-system", "{\"pad\":\"" + "x".repeat(1100 * 1024) + "\"}"), 413, null);
    HttpResponse<String> badCode = post("/api/cases", "te-system", newCase("150385-9014"));
    assertProblem(badCode, 400, "identityCode");
    assertThat(badCode.body()).contains("tarkistusmerkki").doesNotContain("150385");
    assertProblem(post("/api/cases", "te-system", newCase("310285-9013")), 400, "identityCode");
    assertProblem(http.send(http.request(consents, null).GET().build()), 401, null);

    assertThat(JSON.readTree(get(consents).body()).size()).as("nothing stored by rejected requests").isEqualTo(before);
  }

  @Test
  void theOpenApiDocumentIsServedToAuthenticatedCallersOnly() throws Exception {
    HttpResponse<String> anonymous = http.send(http.request("/v3/api-docs", null).GET().build());
    HttpResponse<String> document = http.send(http.request("/v3/api-docs", "te-system", SYSTEM_PASSWORD).GET().build());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(document.body()).get("paths").toString())
        .contains("/api/cases/{caseNumber}", "/api/cases/{caseNumber}/consents/{id}/withdrawal");
  }

  private static String valid() {
    return "{\"fromAgency\":\"te\",\"toAgency\":\"sote\",\"scope\":\"plan\",\"givenOn\":\"2026-01-15\",\"validUntil\":\"2027-12-31\"}";
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    if (field != null) {
      assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
      assertThat(problem.get("errors").get(0).get("reason").asText()).isNotBlank();
    }
  }

  private String openCase(String identityCode) throws Exception {
    HttpResponse<String> created = post("/api/cases", "te-system", newCase(identityCode));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("caseNumber").asText();
  }

  private static String newCase(String identityCode) {
    return "{\"identityCode\":\"" + identityCode + "\",\"name\":\"Testi Asiakas\","
        + "\"email\":\"asiakas@polku.invalid\",\"municipality\":\"Jyväskylä\"}";
  }

  private HttpResponse<String> get(String path) {
    return http.send(http.request(path, "te-system", SYSTEM_PASSWORD).GET().build());
  }

  private HttpResponse<String> post(String path, String user, String json) {
    return http.send(http.request(path, user, SYSTEM_PASSWORD).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }
}
