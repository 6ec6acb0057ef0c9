package fi.polku.handover;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Path 3 through the API and REST task completion as the right users, on PostgreSQL with a real
 * SMTP server: the coordinator sees the hand-over only with consent, each mail arrives once, a
 * repeated job-loss report is harmless, and choosing the sote team starts te-referral for the case.
 */
class OhHandoverIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final String OH = "it-tyoterveys";
  static final String COORDINATOR = "it-koordinaattori";
  static final List<String> STAFF = List.of(OH, COORDINATOR);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  HttpTestClient http;

  @BeforeEach
  void people() {
    http = new HttpTestClient(port);
    staff(OH, "oh-professional");
    staff(COORDINATOR, "te-coordinator");
  }

  /**
   * Every way in: the provider's system through the API, the professional through Tasklist's start
   * form (what Tasklist posts), and the same values posted to the engine's plain start. All go
   * through the one intake and leave the same rows and the same process state; only who started
   * differs.
   */
  @Test
  void everyWayInLeavesTheSameRowsAndProcessState() throws Exception {
    String byApi = start();
    Map<String, Object> entered = new java.util.HashMap<>(Map.of("identityCode", TestReferrals.randomTestCode(),
        "clientName", "Testi Asiakas", "clientEmail", "asiakas@polku.invalid", "municipality", "Jyväskylä",
        "providerName", "Työterveys IT Oy", "employerName", "Esimerkkitehdas Oy",
        "employmentEndDate", LocalDate.now(WorkingDays.FINLAND).plusMonths(1), "changeSecurity", false,
        "partialWorkAbility", true, "threatOfUnemployment", true));
    String byForm = startInTasklist("submit-form", entered);
    entered.put("identityCode", TestReferrals.randomTestCode());
    String byPlainStart = startInTasklist("start", entered);

    Map<String, Object> api = HandoverCaseState.of(jdbc, runtimeService, byApi);
    assertThat(startedBy(api)).isEqualTo(List.of("oh-system", "oh-system", "oh-system"));
    Map<String, Object> form = HandoverCaseState.of(jdbc, runtimeService, byForm);
    assertThat(startedBy(form)).isEqualTo(List.of(OH, OH, OH));
    Map<String, Object> plainStart = HandoverCaseState.of(jdbc, runtimeService, byPlainStart);
    assertThat(startedBy(plainStart)).isEqualTo(List.of(OH, OH, OH));
    assertThat(form).isEqualTo(api);
    assertThat(plainStart).isEqualTo(api);
    assertThat(api.get("waitingAt")).isEqualTo(List.of("Task_ExtendedHealthCheck"));
    assertThat(api.get("handover").toString()).contains("in_target_group=true");
  }

  /** Starts oh-handover as the professional by the engine REST call ({@code submit-form} or {@code start}); the case number. */
  private String startInTasklist(String call, Map<String, Object> entered) throws Exception {
    String body = fi.polku.engine.TasklistForm.restBody(fi.polku.engine.TasklistForm.byId("oh-handover-start").submit(entered));
    HttpResponse<String> started = http.send(http.request("/engine-rest/process-definition/key/oh-handover/" + call, OH,
        STAFF_PASSWORD).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(JSON.readTree(started.body()).get("id").asText()).singleResult().getBusinessKey();
  }

  /** Takes who started out of the state (the hand-over's starter, the case's opener, the variable), to compare the rest. */
  @SuppressWarnings("unchecked")
  private static List<Object> startedBy(Map<String, Object> state) {
    return List.of(((Map<String, Object>) state.get("handover")).remove("started_by"),
        ((Map<String, Object>) state.get("case")).remove("opened_by"),
        ((Map<String, Object>) state.get("variables")).remove(OhHandoverModel.STARTED_BY));
  }

  @Test
  void aConsentedHandOverReachesTheCoordinatorAndStartsTheReferralToTheTeam() throws Exception {
    String caseNumber = start();
    complete(caseNumber, "Task_ExtendedHealthCheck", OH, Map.of("statutoryDone", true, "statutoryMinutes", 40,
        "pilotDone", true, "pilotMinutes", 80, "findings", "Ei rajoitteita kevyeen työhön", "rehabilitationNeed", false));
    complete(caseNumber, "Task_AskConsent", OH, Map.of("consentGiven", true, "consentIncludesHealth", false,
        "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1)));
    assertThat(tasks(caseNumber, COORDINATOR)).as("no hand-over before the job loss").isEmpty();

    HttpResponse<String> reported = jobLoss(caseNumber, "te-system");
    HttpResponse<String> repeated = jobLoss(caseNumber, "oh-system");
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);
    assertThat(repeated.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(repeated.body()).get("result").asText()).isEqualTo("already-reported");
    runJobs(caseNumber);

    complete(caseNumber, "Task_TakeOver", COORDINATOR, Map.of("clientContacted", true, "caseManager", COORDINATOR,
        "followOnPath", "sote-team", "soteConsentGiven", true, "clientExperience", 9));

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("te-referral")
        .processInstanceBusinessKey(caseNumber).count()).as("te-referral for the same case").isOne();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("oh-handover")
        .processInstanceBusinessKey(caseNumber).count()).isZero();
    List<String> mails = subjects();
    assertThat(mails).containsOnlyOnce("asiakas@polku.invalid | Ohjeita työsuhteen päättyessä (" + caseNumber + ")",
        COORDINATOR + "@polku.invalid | Uusi tehtävä Polussa: Ota asiakas vastaan ja kirjaa jatkopolku (" + caseNumber + ")");

    JsonNode billing = JSON.readTree(http.send(http.request("/api/oh-handovers/billing?provider="
        + "Ty%C3%B6terveys%20IT%20Oy&month=" + YearMonth.now(WorkingDays.FINLAND), "oh-system", SYSTEM_PASSWORD).GET().build()).body());
    assertThat(billing.toString()).contains("\"payer\":\"employer\"").contains("\"payer\":\"programme\"");
  }

  @Test
  void theRehabilitationNeedReachesThePensionProvidersInboxAsAnOnwardReferralAfterTheConsentQuestion() throws Exception {
    String caseNumber = start();
    complete(caseNumber, "Task_ExtendedHealthCheck", OH, Map.of("statutoryDone", true, "statutoryMinutes", 40,
        "pilotDone", true, "pilotMinutes", 80, "findings", "Selkä kuormittuu", "rehabilitationNeed", true));
    assertThat(inbox("pension-system").toString()).as("nothing before the consent question").doesNotContain(caseNumber);
    complete(caseNumber, "Task_AskConsent", OH, Map.of("consentGiven", true, "consentIncludesHealth", false,
        "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1)));
    complete(caseNumber, "Task_SendRehabilitationNotice", OH, Map.of(
        "rehabilitationService", "pension-vocational-rehabilitation", "rehabilitationConsentGiven", true,
        "rehabilitationConsentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1)));

    JsonNode mine = null;
    for (JsonNode referral : inbox("pension-system")) {
      mine = caseNumber.equals(referral.get("caseNumber").asText()) ? referral : mine;
    }
    assertThat(mine).as("the pension provider's inbox has the notice").isNotNull();
    assertThat(mine.get("service").asText()).isEqualTo("pension-vocational-rehabilitation");
    assertThat(mine.get("reason").asText()).contains("Ilmoitus kuntoutustarpeesta")
        .contains("Oikeus työeläkelaitoksen ammatilliseen kuntoutukseen");
    assertThat(inbox("kela-system").toString()).as("Kela sees nothing of it").doesNotContain(caseNumber);
    assertThat(http.send(http.request("/api/onward-referrals/" + mine.get("id").asText(), "kela-system", SYSTEM_PASSWORD)
        .GET().build()).statusCode()).isEqualTo(404);
    JsonNode status = JSON.readTree(http.send(http.request("/api/cases/" + caseNumber, "oh-system", SYSTEM_PASSWORD)
        .GET().build()).body());
    assertThat(status.get("onwardReferrals").get(0).get("status").asText()).isEqualTo("requested");
    assertThat(status.get("onwardReferrals").get(0).get("service").asText()).isEqualTo("pension-vocational-rehabilitation");
    // The hand-over itself goes on waiting for the end of employment.
    assertThat(jobLoss(caseNumber, "te-system").statusCode()).isEqualTo(202);
  }

  private JsonNode inbox(String system) throws Exception {
    return JSON.readTree(http.send(http.request("/api/onward-referrals?status=requested", system, SYSTEM_PASSWORD)
        .GET().build()).body());
  }

  @Test
  void withoutConsentTheCoordinatorNeverSeesTheHandOverAndTheClientGetsTheGuidance() throws Exception {
    String caseNumber = start();
    complete(caseNumber, "Task_ExtendedHealthCheck", OH, Map.of("statutoryDone", true, "statutoryMinutes", 40,
        "pilotDone", true, "pilotMinutes", 80, "findings", "Ei rajoitteita kevyeen työhön", "rehabilitationNeed", false));
    complete(caseNumber, "Task_AskConsent", OH, Map.of("consentGiven", false));

    assertThat(jobLoss(caseNumber, "oh-system").statusCode()).isEqualTo(202);
    runJobs(caseNumber);

    assertThat(tasks(caseNumber, COORDINATOR)).isEmpty();
    assertThat(subjects()).containsExactly("asiakas@polku.invalid | Ohjeita työsuhteen päättyessä (" + caseNumber + ")");
    assertThat(jobLoss(caseNumber, "oh-system").statusCode()).as("repeated after the end").isEqualTo(200);
  }

  @Test
  void jobLossReportsForUnknownOrNotWaitingCasesAreRefused() throws Exception {
    assertThat(jobLoss("TK-2026-999998", "te-system").statusCode()).isEqualTo(404);
    String caseNumber = start();
    HttpResponse<String> early = jobLoss(caseNumber, "te-system");
    assertThat(early.statusCode()).as("still in the health check").isEqualTo(409);
    assertThat(early.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    HttpResponse<String> fromKela = http.send(http.request("/api/oh-handovers/" + caseNumber + "/job-loss", "kela-system",
        SYSTEM_PASSWORD).POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(fromKela.statusCode()).isEqualTo(403);
  }

  @Test
  void theProviderCorrectsTheEndOfEmploymentWhileTheHandOverWaitsSoALongerNoticeDoesNotCloseIt() throws Exception {
    String caseNumber = start();
    LocalDate longerNotice = LocalDate.now(WorkingDays.FINLAND).plusMonths(4);
    assertThat(correctEndDate("TK-2026-999997", "oh-system", longerNotice).statusCode()).isEqualTo(404);
    assertThat(correctEndDate(caseNumber, "oh-system", longerNotice).statusCode()).as("still in the health check")
        .isEqualTo(409);
    complete(caseNumber, "Task_ExtendedHealthCheck", OH, Map.of("statutoryDone", true, "statutoryMinutes", 40,
        "pilotDone", true, "pilotMinutes", 80, "rehabilitationNeed", false, "findings", "Selkä kuormittuu"));
    complete(caseNumber, "Task_AskConsent", OH, Map.of("consentGiven", true, "consentIncludesHealth", false,
        "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1).toString()));
    java.util.Date before = managementService.createJobQuery().processInstanceId(handoverOf(caseNumber)).timers()
        .singleResult().getDuedate();

    assertThat(correctEndDate(caseNumber, "te-system", longerNotice).statusCode()).as("only the provider").isEqualTo(403);
    HttpResponse<String> corrected = correctEndDate(caseNumber, "oh-system", longerNotice);

    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(202);
    assertThat(JSON.readTree(corrected.body()).get("result").asText()).isEqualTo("waiting");
    java.util.Date after = managementService.createJobQuery().processInstanceId(handoverOf(caseNumber)).timers()
        .singleResult().getDuedate();
    assertThat(after).as("the grace period runs from the new date").isAfter(before);
    assertThat(java.time.Duration.between(before.toInstant(), after.toInstant()).toDays()).isBetween(80L, 130L);
  }

  private String handoverOf(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("oh-handover")
        .processInstanceBusinessKey(caseNumber).singleResult().getId();
  }

  private HttpResponse<String> correctEndDate(String caseNumber, String system, LocalDate date) {
    return http.send(http.request("/api/oh-handovers/" + caseNumber + "/employment-end-date", system, SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"employmentEndDate\":\"" + date + "\"}")).build());
  }

  private String start() throws Exception {
    String body = "{\"identityCode\":\"" + TestReferrals.randomTestCode() + "\",\"name\":\"Testi Asiakas\","
        + "\"email\":\"asiakas@polku.invalid\",\"municipality\":\"Jyväskylä\",\"provider\":\"Työterveys IT Oy\","
        + "\"employer\":\"Esimerkkitehdas Oy\",\"employmentEndDate\":\"" + LocalDate.now(WorkingDays.FINLAND).plusMonths(1) + "\","
        + "\"changeSecurity\":false,\"partialWorkAbility\":true,\"threatOfUnemployment\":true}";
    HttpRequest request = http.request("/api/oh-handovers", "oh-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").header("Idempotency-Key", "it-" + System.nanoTime())
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> created = http.send(request);
    HttpResponse<String> retried = http.send(request);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(retried.body()).as("a retry returns the first answer").isEqualTo(created.body());
    return JSON.readTree(created.body()).get("caseNumber").asText();
  }

  private HttpResponse<String> jobLoss(String caseNumber, String system) {
    return http.send(http.request("/api/oh-handovers/" + caseNumber + "/job-loss", system, SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
  }

  private JsonNode tasks(String caseNumber, String user) throws Exception {
    return JSON.readTree(http.send(http.request("/engine-rest/task?processInstanceBusinessKey=" + caseNumber, user,
        STAFF_PASSWORD).GET().build()).body());
  }

  /** Completes the step's task as the user with what Tasklist posts for {@code entered}, after checking who sees it. */
  private void complete(String caseNumber, String step, String user, Map<String, Object> entered) throws Exception {
    runJobs(caseNumber);
    for (String other : STAFF) {
      long seen = 0;
      for (JsonNode task : tasks(caseNumber, other)) {
        seen += task.get("taskDefinitionKey").asText().equals(step) ? 1 : 0;
      }
      assertThat(seen).as("%s sees %s", other, step).isEqualTo(other.equals(user) ? 1 : 0);
    }
    String taskId = null;
    for (JsonNode task : tasks(caseNumber, user)) {
      if (task.get("taskDefinitionKey").asText().equals(step)) {
        taskId = task.get("id").asText();
      }
    }
    HttpResponse<String> done = http.send(http.request("/engine-rest/task/" + taskId + "/submit-form", user, STAFF_PASSWORD)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Tasklist.restBody(engine, taskId, entered))).build());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    runJobs(caseNumber);
  }

  /** Runs the case's due work (save points, mails) as the job executor would; waiting timers stay. */
  private void runJobs(String caseNumber) {
    runJobs(caseNumber, job -> job.getDuedate() == null || !job.getDuedate().after(new java.util.Date()));
  }

  private List<String> subjects() throws Exception {
    List<String> subjects = new java.util.ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      subjects.add(mail.getAllRecipients()[0] + " | " + mail.getSubject());
    }
    return subjects;
  }
}
