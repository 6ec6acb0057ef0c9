package fi.polku.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import fi.polku.onward.OnwardReferralModel;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The team lead's unaccounted cases on PostgreSQL, on the page and in the API: an unanswered onward
 * referral puts its case there once its deadline has passed (the deadline's timer job run as the
 * job executor would), and the sender's decision takes it off; only team leads and administrators
 * read the list, anyone else gets 403 (problem+json in the API), no one without a login.
 */
class UnaccountedCasesIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final String LEAD = "it-esihenkilo";
  static final String COUNSELLOR = "it-palveluohjaaja";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ConsentService consents;
  @Autowired OnwardReferrals referrals;
  @Autowired WorkingDays workingDays;
  HttpTestClient http;

  @BeforeEach
  void people() {
    http = new HttpTestClient(port);
    staff(LEAD, "team-lead");
    staff(COUNSELLOR, "sote-counsellor");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anUnansweredReferralPutsItsCaseOnTheListAfterItsDeadlineUntilTheSenderDecides() throws Exception {
    String caseNumber = soteCase();
    for (ConsentScope scope : List.of(ConsentScope.STATUS, ConsentScope.PLAN)) {
      consents.give(caseNumber, new NewConsent(Agency.SOTE, Agency.ESH, scope, LocalDate.now(WorkingDays.FINLAND), LocalDate.now(WorkingDays.FINLAND).plusYears(1)), "it");
    }
    long id = referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.SOTE, "sote-counsellor", COUNSELLOR,
        OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT, "Moniammatillinen arvio työkyvystä", ConsentScope.PLAN, null));
    runJobs(caseNumber, job -> managementService.createJobQuery().jobId(job.getId()).timers().count() == 0);
    HttpTestClient lead = logIn(LEAD);

    // Waiting within its deadline: the sender's group holds the client.
    assertThat(caseNumbers(list(LEAD))).doesNotContain(caseNumber);
    assertThat(page(lead)).doesNotContain(caseNumber);

    // The deadline passes and its timer runs: the decision task, the team lead's notice, and the case on the list.
    ClockUtil.setCurrentTime(Date.from(referrals.get(id).answerDueAt().plus(3, ChronoUnit.HOURS)));
    runJobs(caseNumber, job -> true);
    Task decide = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(OnwardReferralModel.TASK_DECIDE_NEXT).singleResult();
    assertThat(decide).as("the sender's decision task").isNotNull();

    JsonNode listed = find(list(LEAD), caseNumber);
    assertThat(listed.get("municipality").asText()).isEqualTo("Pori");
    assertThat(listed.get("since").asText()).isEqualTo(referrals.get(id).answerDueAt().toString());
    assertThat(listed.get("duration").asText()).isEqualTo("PT3H");
    java.time.Instant due = referrals.get(id).answerDueAt();
    assertThat(listed.get("workingDays").asLong()).as("working days after the deadline's day up to today")
        .isEqualTo(workingDays.workingDaysBetween(due.atZone(WorkingDays.FINLAND).toLocalDate(),
            due.plus(3, ChronoUnit.HOURS).atZone(WorkingDays.FINLAND).toLocalDate()));
    JsonNode reason = listed.get("reasons").get(0);
    assertThat(reason.get("gap").asText()).isEqualTo("onward-unanswered");
    assertThat(reason.get("onwardReferralId").asLong()).isEqualTo(id);
    assertThat(reason.get("what").asText()).isEqualTo("Erikoissairaanhoito: moniammatillinen arvio");
    assertThat(reason.get("responsibleWorker").asText()).isEqualTo(COUNSELLOR);
    assertThat(JSON.readTree(get("/api/unaccounted-cases?municipality=Rauma", LEAD, STAFF_PASSWORD).body())
        .get("cases").findValuesAsText("caseNumber")).doesNotContain(caseNumber);

    String html = page(lead);
    assertThat(html).contains("<a href=\"/cases/" + caseNumber + "\">" + caseNumber + "</a>")
        .contains("Jatko-ohjaukseen ei vastattu määräajassa").contains("Erikoissairaanhoito: moniammatillinen arvio")
        .contains("3 h").contains("Testi sote-counsellor (Palveluohjaajat)");
    // The case page's bar links to the list for the team lead.
    assertThat(lead.get("/cases/mine", null).body()).contains("href=\"/cases/unaccounted\"");

    // The sender decides: the case leaves the list.
    formService.submitTaskForm(decide.getId(), Tasklist.submission(engine, decide.getId(), Tasklist.entries(
        OnwardReferralModel.ONWARD_DECISION, "close", OnwardReferralModel.CLOSE_REASON, "Asiakas hoidetaan sote-keskuksessa")));
    assertThat(caseNumbers(list(LEAD))).doesNotContain(caseNumber);
    assertThat(page(lead)).doesNotContain(caseNumber);
  }

  @Test
  void aPathEndedReferredElsewhereWithoutAReceiverIsUnaccountedUntilAnOnwardReferralHoldsTheClient() throws Exception {
    // A path whose end state is named as every hand-off is ("Ohjattu …"), read from the history like the real ones.
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TEST_PATH).count() == 0) {
      engine.getRepositoryService().createDeployment().name("unaccounted-it").addModelInstance("unaccounted-it.bpmn",
          Bpmn.createExecutableProcess(TEST_PATH).name("Testipolku").camundaHistoryTimeToLive(1)
              .startEvent().endEvent("EndEvent_Referred").name("Ohjattu muualle").done()).deploy();
    }
    String caseNumber = soteCase();
    runtimeService.startProcessInstanceByKey(TEST_PATH, caseNumber);

    JsonNode listed = find(list(LEAD), caseNumber);
    assertThat(listed.get("reasons").get(0).get("gap").asText()).isEqualTo("hand-off-end");
    assertThat(listed.get("reasons").get(0).get("what").asText()).isEqualTo("Testipolku: Ohjattu muualle");
    assertThat(page(logIn(LEAD))).contains(caseNumber).contains("Polku päättyi ohjaukseen muualle")
        .contains("ei kenelläkään – esihenkilö ohjaa");

    // An onward referral of the case: the sender's group holds the client while the receiver answers.
    referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.SOTE, "sote-counsellor", null,
        OnwardService.KELA_WORK_ABILITY_ADVISOR, "Työkykyneuvojan tuki", ConsentScope.STATUS, null));
    assertThat(caseNumbers(list(LEAD))).doesNotContain(caseNumber);
  }

  static final String TEST_PATH = "unaccounted-it-path";

  @Test
  void onlyTeamLeadsAndAdministratorsReadTheList() throws Exception {
    HttpResponse<String> counsellor = get("/api/unaccounted-cases", COUNSELLOR, STAFF_PASSWORD);
    assertThat(counsellor.statusCode()).isEqualTo(403);
    assertThat(counsellor.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    HttpResponse<String> system = get("/api/unaccounted-cases", "esh-system", SYSTEM_PASSWORD);
    assertThat(system.statusCode()).isEqualTo(403);
    assertThat(get("/api/unaccounted-cases", null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> admin = get("/api/unaccounted-cases", ADMIN, ADMIN_PASSWORD);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(admin.body()).get("count").asInt()).isEqualTo(JSON.readTree(admin.body()).get("cases").size());
    HttpResponse<String> tooLong = get("/api/unaccounted-cases?municipality=" + "x".repeat(101), LEAD, STAFF_PASSWORD);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(tooLong.body()).get("errors").get(0).get("field").asText()).isEqualTo("municipality");

    HttpTestClient other = logIn(COUNSELLOR);
    HttpResponse<String> refused = other.get("/cases/unaccounted", null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Ei oikeutta");
    assertThat(other.get("/cases/mine", null).body()).doesNotContain("/cases/unaccounted");
    HttpResponse<String> anonymous = new HttpTestClient(port).get("/cases/unaccounted", null);
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location").orElse(""))
        .isEqualTo("/cases/login?next=" + URLEncoder.encode("/cases/unaccounted", StandardCharsets.UTF_8));
  }

  private HttpTestClient logIn(String user) {
    HttpTestClient client = new HttpTestClient(port);
    HttpResponse<String> login = CasePageSession.post(client, "/cases/login", "username=" + user + "&password=" + STAFF_PASSWORD
        + "&next=/cases/unaccounted");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
    return client;
  }

  private static String page(HttpTestClient client) {
    HttpResponse<String> page = client.get("/cases/unaccounted", null);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  private String soteCase() throws Exception {
    HttpResponse<String> opened = http.send(http.request("/api/cases", "sote-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"identityCode\":\"" + TestReferrals.randomTestCode() + "\",\"municipality\":\"Pori\"}")).build());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return JSON.readTree(opened.body()).get("caseNumber").asText();
  }

  private JsonNode list(String user) throws Exception {
    HttpResponse<String> response = get("/api/unaccounted-cases", user, STAFF_PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("count").asInt()).isEqualTo(body.get("cases").size());
    return body.get("cases");
  }

  private HttpResponse<String> get(String path, String user, String password) {
    return http.send((user == null ? http.request(path, null) : http.request(path, user, password)).GET().build());
  }

  private static List<String> caseNumbers(JsonNode cases) {
    List<String> numbers = new ArrayList<>();
    cases.forEach(item -> numbers.add(item.get("caseNumber").asText()));
    return numbers;
  }

  private static JsonNode find(JsonNode cases, String caseNumber) {
    for (JsonNode item : cases) {
      if (item.get("caseNumber").asText().equals(caseNumber)) {
        return item;
      }
    }
    throw new AssertionError("case " + caseNumber + " is not on the list");
  }
}
