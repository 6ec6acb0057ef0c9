package fi.polku.privacy;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.TestReferrals;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client's own request for their data, and the removal of their records when the retention of
 * their case ends, on PostgreSQL: one referral from the employment services' system with its
 * consent, exported by an administrator, then removed once the engine's history of it is gone.
 */
class ClientRecordsIT extends PostgresSpringTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService historyService;
  @Autowired DataSubjectRecords records;
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void anAdministratorExportsEverythingPolkuHoldsOnTheClientAndNoOneElseMay() throws Exception {
    String identityCode = TestReferrals.randomTestCode();
    String caseNumber = refer(identityCode);

    HttpResponse<String> export = export(ADMIN, ADMIN_PASSWORD, identityCode);

    assertThat(export.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(export.body());
    assertThat(body.at("/client/identity_code").asText()).isEqualTo(identityCode);
    assertThat(body.at("/client/display_name").asText()).isEqualTo("Testi Asiakas");
    assertThat(body.get("caseNumbers").toString()).contains(caseNumber);
    JsonNode tables = body.get("records");
    assertThat(tables.fieldNames()).toIterable().contains("client_case", "case_agency", "consent", "referral",
        "referral_status_history");
    assertThat(tables.get("referral").get(0).get("case_number").asText()).isEqualTo(caseNumber);
    assertThat(tables.get("consent").get(0).get("to_agency").asText()).isEqualTo("sote");
    assertThat(body.at("/processHistory/0/process").asText()).isEqualTo("te-referral");
    assertThat(body.at("/processHistory/0/steps").size()).isPositive();
    assertThat(jdbc.queryForObject("select requested_by from privacy_request where kind = 'export' and case_number = ?",
        String.class, caseNumber)).isEqualTo(ADMIN);

    assertThat(export("te-system", SYSTEM_PASSWORD, identityCode).statusCode()).isEqualTo(403);
    HttpResponse<String> unknown = export(ADMIN, ADMIN_PASSWORD, TestReferrals.randomTestCode());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    HttpResponse<String> invalid = export(ADMIN, ADMIN_PASSWORD, "not-a-code");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).doesNotContain("Exception");
  }

  @Test
  void whenTheRetentionEndsTheCasesRecordsGoAndAnotherClientsStay() throws Exception {
    String kept = refer(TestReferrals.randomTestCode());
    String expired = refer(TestReferrals.randomTestCode());
    export(ADMIN, ADMIN_PASSWORD, identityCodeOf(expired));
    assertThat(rowsOf(expired)).isGreaterThan(3);

    // Three years later the engine's history cleanup has removed the case's history (ended, then
    // past its removal time); the other client's case still runs.
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(expired).list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "retention test"));
    historyService.deleteHistoricProcessInstances(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(expired).list().stream().map(HistoricProcessInstance::getId).toList());
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(1096, ChronoUnit.DAYS)));

    int removed = records.removeExpired();

    assertThat(removed).isGreaterThanOrEqualTo(1);
    assertThat(rowsOf(expired)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from client_case where case_number = ?", Integer.class, kept))
        .as("a case whose process still runs is kept").isOne();
    assertThat(rowsOf(kept)).isGreaterThan(3);
    assertThat(jdbc.queryForObject("select count(*) from privacy_request where case_number = ?", Integer.class,
        expired)).as("the export's audit row went with the case").isZero();
    assertThat(jdbc.queryForObject("select count(*) from privacy_request where kind = 'removal' and case_number is null"
        + " and rows_affected > 0", Integer.class)).isPositive();
  }

  private int rowsOf(String caseNumber) {
    int rows = 0;
    for (String table : List.of("client_case", "case_agency", "consent", "consent_check", "referral", "mail_outbox",
        "onward_referral", "case_responsible")) {
      rows += jdbc.queryForObject("select count(*) from " + table + " where case_number = ?", Integer.class, caseNumber);
    }
    return rows + jdbc.queryForObject("select count(*) from referral_status_history h join referral r"
        + " on r.id = h.referral_id where r.case_number = ?", Integer.class, caseNumber);
  }

  private String identityCodeOf(String caseNumber) {
    return codes.get(caseNumber);
  }

  private final java.util.Map<String, String> codes = new java.util.HashMap<>();

  private String refer(String identityCode) throws Exception {
    HttpResponse<String> created = http.send(http.request("/api/referrals", "te-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").header("Idempotency-Key", "privacy-" + identityCode)
        .POST(HttpRequest.BodyPublishers.ofString("{\"identityCode\":\"" + identityCode + "\",\"name\":\"Testi Asiakas\","
            + "\"email\":\"asiakas@polku.invalid\",\"municipality\":\"Pori\",\"unemploymentMonths\":30,"
            + "\"criteria\":" + TestReferrals.criteriaJson() + ",\"reason\":\"Toistuvat työttömyysjaksot\",\"question\":\"Mikä tukisi?\","
            + "\"consent\":{\"includesHealth\":false,\"validUntil\":\"" + LocalDate.now(WorkingDays.FINLAND).plusYears(1) + "\"}}"))
        .build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();
    codes.put(caseNumber, identityCode);
    return caseNumber;
  }

  private HttpResponse<String> export(String user, String password, String identityCode) {
    return http.send(http.request("/api/admin/data-subject-export", user, password)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"identityCode\":\"" + identityCode + "\"}")).build());
  }
}
