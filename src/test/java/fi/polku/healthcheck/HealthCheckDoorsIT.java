package fi.polku.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.engine.TasklistForm;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Path 2 has one door (HealthCheckIntake): a coordinator's referral sent as a JSON row, the same as
 * a row of a cohort's CSV export, and the same entered in Tasklist's start form (the engine REST
 * submit-form Tasklist posts, with the values it sends) leave the same rows and the same process
 * state; a nurse's walk-in through the form goes through the same intake to the check.
 */
class HealthCheckDoorsIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final String COORDINATOR = "it-hc-koordinaattori";
  static final String NURSE = "it-hc-terveydenhoitaja";
  static final String REASON = "Pitkäaikaistyötön, ei terveystarkastusta vuosiin";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  HttpTestClient http;

  @BeforeEach
  void people() {
    http = new HttpTestClient(port);
    staff(COORDINATOR, "te-coordinator");
    staff(NURSE, "health-check-nurse");
  }

  @Test
  void aJsonRowACsvRowAndTheStartFormLeaveTheSameRowsAndStateAndAWalkInTakesTheSameIntake() throws Exception {
    String json = answer(post("application/json", "[{\"identityCode\":\"" + TestReferrals.randomTestCode()
        + "\",\"name\":\"Testi Asiakas\",\"email\":\"asiakas@polku.invalid\",\"municipality\":\"Jyväskylä\","
        + "\"unemploymentMonths\":30,\"unemployed\":true,\"coveredByOccupationalHealth\":false,"
        + "\"wayIn\":\"referral\",\"referralReason\":\"" + REASON + "\"}]"));
    String csv = answer(post("text/csv", "identityCode;name;email;phone;municipality;unemploymentMonths;unemployed;"
        + "coveredByOccupationalHealth;monthsSinceLastHealthCheck;wayIn;referralReason\n" + TestReferrals.randomTestCode()
        + ";Testi Asiakas;asiakas@polku.invalid;;Jyväskylä;30;kyllä;ei;;referral;" + REASON + "\n"));
    String form = startInTasklist(COORDINATOR, "referral");
    String walkIn = startInTasklist(NURSE, "walk-in");

    Map<String, Object> rows = HealthCheckDoors.rows(jdbc, json);
    assertThat(rows).containsEntry("way_in", "referral").containsEntry("priority", "high")
        .containsEntry("requested_by", "te-system").containsEntry("opened_by_agency", "te")
        .containsEntry("agencies", List.of("sote", "te")).containsEntry("language", "fi");
    assertThat(HealthCheckDoors.rows(jdbc, csv)).isEqualTo(rows);
    assertThat(HealthCheckDoors.rows(jdbc, form)).isEqualTo(by(rows, COORDINATOR, "requested_by", "opened_by"));
    Map<String, Object> walkInRows = by(rows, NURSE, "requested_by", "opened_by");
    walkInRows.putAll(Map.of("way_in", "walk-in", "opened_by_agency", "sote", "agencies", List.of("sote")));
    assertThat(HealthCheckDoors.rows(jdbc, walkIn)).isEqualTo(walkInRows);

    Map<String, Object> state = HealthCheckDoors.state(runtimeService, managementService, json);
    assertThat(state).containsEntry("(waiting at)", List.of(HealthCheckModel.TASK_SEND_INVITATION))
        .containsEntry(HealthCheckModel.ELIGIBLE, true).containsEntry(HealthCheckModel.REFERRAL_REASON, REASON)
        .doesNotContainKeys(HealthCheckDoors.NOT_LEFT.toArray(String[]::new));
    assertThat(HealthCheckDoors.state(runtimeService, managementService, csv)).isEqualTo(state);
    assertThat(HealthCheckDoors.state(runtimeService, managementService, form))
        .isEqualTo(by(state, COORDINATOR, HealthCheckModel.REQUESTED_BY));
    Map<String, Object> walkInState = by(state, NURSE, HealthCheckModel.REQUESTED_BY);
    walkInState.putAll(Map.of(HealthCheckModel.WAY_IN, "walk-in", "(waiting at)", List.of(HealthCheckModel.TASK_HEALTH_CHECK),
        "(jobs at)", List.of()));
    walkInState.put(HealthCheckModel.REFERRAL_REASON, null);
    assertThat(HealthCheckDoors.state(runtimeService, managementService, walkIn)).isEqualTo(walkInState);

    // Each door its own start: the API's rows after their intake, the form's instances through it.
    assertThat(startOf(json)).isEqualTo(HealthCheckModel.START_VIA_API);
    assertThat(startOf(form)).isEqualTo(HealthCheckModel.START_FORM);
  }

  private static Map<String, Object> by(Map<String, Object> values, String user, String... keys) {
    Map<String, Object> changed = new TreeMap<>(values);
    for (String key : keys) {
      changed.put(key, user);
    }
    return changed;
  }

  private HttpResponse<String> post(String type, String body) {
    return http.send(http.request("/api/health-check-invitations", "te-system", SYSTEM_PASSWORD)
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static String answer(HttpResponse<String> response) throws Exception {
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("counts").get("started").asInt()).as(response.body()).isOne();
    return answer.get("results").get(0).get("caseNumber").asText();
  }

  /** What Tasklist posts when the user fills in the start form; the case number the intake gave. */
  private String startInTasklist(String user, String wayIn) throws Exception {
    Map<String, Object> entered = Tasklist.entries("wayIn", wayIn, "identityCode", TestReferrals.randomTestCode(),
        "clientName", "Testi Asiakas", "clientEmail", "asiakas@polku.invalid", "municipality", "Jyväskylä",
        "unemploymentMonths", 30, "unemployed", true, "coveredByOccupationalHealth", false, "hadHealthCheck", false);
    if (wayIn.equals("referral")) {
      entered.put("referralReason", REASON);
    }
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(HealthCheckModel.PROCESS_KEY)
        .latestVersion().singleResult().getId();
    HttpResponse<String> started = http.send(http.request("/engine-rest/process-definition/key/"
        + HealthCheckModel.PROCESS_KEY + "/submit-form", user, STAFF_PASSWORD).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(TasklistForm.restBody(
            TasklistForm.ofStart(formService, definition).submit(entered)))).build());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = JSON.readTree(started.body()).get("id").asText();
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
  }

  private String startOf(String caseNumber) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(HealthCheckModel.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult().getStartActivityId();
  }
}
