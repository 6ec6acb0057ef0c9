package fi.polku.onward;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Onward referrals on PostgreSQL through the API: specialist care's system reads its inbox,
 * accepts and completes as esh-system, the feedback returns to the sote counsellor, the sender
 * sees the states in the case, another agency gets 404; and an unanswered referral appears in the
 * team lead's unaccounted list after its deadline and leaves it when the sender decides.
 */
class OnwardReferralIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final String LEAD = "it-esihenkilo";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ConsentService consents;
  @Autowired OnwardReferrals referrals;
  HttpTestClient http;

  @BeforeEach
  void people() {
    http = new HttpTestClient(port);
    staff(LEAD, "team-lead");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void specialistCareAcceptsAndCompletesThroughTheApiAndTheFeedbackReturnsToTheSoteCentre() throws Exception {
    String caseNumber = soteCase();
    consentBothWays(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.PLAN);
    long id = request(caseNumber);

    JsonNode inbox = JSON.readTree(get("/api/onward-referrals?status=requested", "esh-system").body());
    assertThat(ids(inbox)).contains(id);
    JsonNode mine = find(inbox, id);
    assertThat(mine.get("reason").asText()).isEqualTo("Moniammatillinen arvio työkyvystä");
    assertThat(mine.get("serviceName").asText()).isEqualTo("Erikoissairaanhoito: moniammatillinen arvio");

    // Another agency sees nothing of it.
    assertThat(ids(JSON.readTree(get("/api/onward-referrals?status=requested", "kela-system").body()))).doesNotContain(id);
    assertThat(get("/api/onward-referrals/" + id, "kela-system").statusCode()).isEqualTo(404);
    HttpResponse<String> foreign = post("/api/onward-referrals/" + id + "/accept", "kela-system",
        "{\"firstAppointmentAt\":\"" + OffsetDateTime.now().plusDays(7) + "\"}");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(get("/api/cases/" + caseNumber, "kela-system").statusCode()).isEqualTo(404);

    // Bad input and answers that do not fit the state.
    HttpResponse<String> missing = post("/api/onward-referrals/" + id + "/accept", "esh-system", "{}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(missing.body()).contains("firstAppointmentAt");
    assertThat(post("/api/onward-referrals/" + id + "/complete", "esh-system", "{\"feedback\":\"x\"}").statusCode())
        .isEqualTo(409);

    String accept = "{\"firstAppointmentAt\":\"" + OffsetDateTime.now().plusDays(7).truncatedTo(ChronoUnit.HOURS) + "\"}";
    HttpResponse<String> accepted = post("/api/onward-referrals/" + id + "/accept", "esh-system", accept);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(JSON.readTree(accepted.body()).get("status").asText()).isEqualTo("accepted");
    HttpResponse<String> again = post("/api/onward-referrals/" + id + "/accept", "esh-system", accept);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("history")).hasSize(3);
    HttpResponse<String> lateReject = post("/api/onward-referrals/" + id + "/reject", "esh-system", "{\"reason\":\"x\"}");
    assertThat(lateReject.statusCode()).isEqualTo(409);
    assertThat(lateReject.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    JsonNode status = JSON.readTree(get("/api/cases/" + caseNumber, "sote-system").body());
    assertThat(status.get("onwardReferrals").get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(status.get("paths")).isEmpty();

    HttpResponse<String> completed = post("/api/onward-referrals/" + id + "/complete", "esh-system",
        "{\"feedback\":\"Arvio tehty: suositellaan ammatillista kuntoutusta\"}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    assertThat(JSON.readTree(completed.body()).get("status").asText()).isEqualTo("completed");
    assertThat(post("/api/onward-referrals/" + id + "/complete", "esh-system",
        "{\"feedback\":\"Arvio tehty: suositellaan ammatillista kuntoutusta\"}").statusCode()).isEqualTo(200);

    // The sote centre's responsible group gets the return, with the feedback (consent back in force).
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(OnwardReferralModel.TASK_REVIEW_FEEDBACK).singleResult();
    assertThat(taskService.getIdentityLinksForTask(review.getId())).anyMatch(link -> "sote-counsellor".equals(link.getGroupId()));
    assertThat(taskService.getVariable(review.getId(), OnwardReferralModel.FEEDBACK_FOR_SENDER))
        .isEqualTo("Arvio tehty: suositellaan ammatillista kuntoutusta");

    status = JSON.readTree(get("/api/cases/" + caseNumber, "sote-system").body());
    JsonNode onward = status.get("onwardReferrals").get(0);
    assertThat(onward.get("status").asText()).isEqualTo("completed");
    List<String> states = new ArrayList<>();
    onward.get("history").forEach(change -> states.add(change.get("status").asText()));
    assertThat(states).containsExactly("requested", "requested", "accepted", "in-progress", "completed");
    assertThat(onward.get("history").get(2).get("changedBy").asText()).isEqualTo("esh-system");
    assertThat(status.get("content").toString()).contains("Arvio tehty");
  }

  @Test
  void anUnansweredReferralIsUnaccountedAfterItsDeadlineUntilTheSenderDecides() throws Exception {
    String caseNumber = soteCase();
    consentBothWays(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.PLAN);
    long id = request(caseNumber);
    assertThat(ids(JSON.readTree(get("/api/onward-referrals/unaccounted", LEAD, STAFF_PASSWORD).body()))).doesNotContain(id);
    assertThat(get("/api/onward-referrals/unaccounted", "esh-system").statusCode()).isEqualTo(403);

    ClockUtil.setCurrentTime(Date.from(referrals.get(id).answerDueAt().plus(2, ChronoUnit.HOURS)));
    JsonNode unaccounted = JSON.readTree(get("/api/onward-referrals/unaccounted", LEAD, STAFF_PASSWORD).body());
    assertThat(ids(unaccounted)).contains(id);
    assertThat(find(unaccounted, id).get("unaccountedFor").asText()).isEqualTo("PT2H");

    runJobs(caseNumber, job -> true);
    Task decide = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(OnwardReferralModel.TASK_DECIDE_NEXT).singleResult();
    assertThat(decide).isNotNull();
    assertThat(ids(JSON.readTree(get("/api/onward-referrals/unaccounted", LEAD, STAFF_PASSWORD).body()))).contains(id);
    // The receiver is too late now: the sender is deciding.
    assertThat(post("/api/onward-referrals/" + id + "/accept", "esh-system",
        "{\"firstAppointmentAt\":\"" + OffsetDateTime.now().plusDays(9) + "\"}").statusCode()).isEqualTo(409);

    formService.submitTaskForm(decide.getId(), Tasklist.submission(engine, decide.getId(), Tasklist.entries(
        OnwardReferralModel.ONWARD_DECISION, "close", OnwardReferralModel.CLOSE_REASON, "Asiakas hoidetaan sote-keskuksessa")));
    assertThat(ids(JSON.readTree(get("/api/onward-referrals/unaccounted", LEAD, STAFF_PASSWORD).body()))).doesNotContain(id);
    assertThat(referrals.get(id).status()).isEqualTo(OnwardStatus.CANCELLED);
  }

  @Test
  void aDeadlineRunAheadOfItsTimeListsTheReferralFromNowNotForANegativeTime() throws Exception {
    String caseNumber = soteCase();
    consentBothWays(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.PLAN);
    long id = request(caseNumber);

    // An operator runs the answer deadline's timer job in Cockpit before it is due.
    runJobs(caseNumber, job -> true);

    HttpResponse<String> list = get("/api/onward-referrals/unaccounted", LEAD, STAFF_PASSWORD);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(find(JSON.readTree(list.body()), id).get("unaccountedFor").asText()).isEqualTo("PT0S");
  }

  private String soteCase() throws Exception {
    HttpResponse<String> opened = post("/api/cases", "sote-system", "{\"identityCode\":\"" + TestReferrals.randomTestCode()
        + "\",\"municipality\":\"Pori\"}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return JSON.readTree(opened.body()).get("caseNumber").asText();
  }

  private void consentBothWays(String caseNumber, Agency a, Agency b, ConsentScope scope) {
    for (ConsentScope each : List.of(ConsentScope.STATUS, scope)) {
      consents.give(caseNumber, new NewConsent(a, b, each, LocalDate.now(WorkingDays.FINLAND), LocalDate.now(WorkingDays.FINLAND).plusYears(1)), "it");
      consents.give(caseNumber, new NewConsent(b, a, each, LocalDate.now(WorkingDays.FINLAND), LocalDate.now(WorkingDays.FINLAND).plusYears(1)), "it");
    }
  }

  /** The sote centre's path refers the client to specialist care through the one method paths call. */
  private long request(String caseNumber) {
    long id = referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.SOTE, "sote-counsellor", null,
        OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT, "Moniammatillinen arvio työkyvystä", ConsentScope.PLAN,
        "te-referral"));
    runJobs(caseNumber, job -> managementService.createJobQuery().jobId(job.getId()).timers().count() == 0);
    return id;
  }

  private HttpResponse<String> get(String path, String user) {
    return get(path, user, SYSTEM_PASSWORD);
  }

  private HttpResponse<String> get(String path, String user, String password) {
    return http.send(http.request(path, user, password).GET().build());
  }

  private HttpResponse<String> post(String path, String user, String json) {
    return http.send(http.request(path, user, SYSTEM_PASSWORD).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> ids = new ArrayList<>();
    list.forEach(item -> ids.add(item.get("id").asLong()));
    return ids;
  }

  private static JsonNode find(JsonNode list, long id) {
    for (JsonNode item : list) {
      if (item.get("id").asLong() == id) {
        return item;
      }
    }
    throw new AssertionError("no onward referral " + id);
  }
}
