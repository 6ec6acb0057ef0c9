package fi.polku.supported;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.onward.OnwardReferralModel;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Supported employment on PostgreSQL, end to end through the engine's REST API as Tasklist uses it:
 * the work-ability team's mapping chooses the follow-on path "tuettu työllistyminen", which becomes
 * an onward referral to the job coaches; the coach accepts it and so starts the path, records a
 * profile, two employer contacts and an agreement; the 1-month follow-up finds the job lost; a new
 * job; support ends as agreed; the team that referred sees the onward referral completed.
 */
class SupportedEmploymentIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final String COORDINATOR = "it-koordinaattori";
  static final String COUNSELLOR = "it-palveluohjaaja";
  static final String TEAM = "it-tiimi";
  static final String COACH = "it-valmentaja";
  static final List<String> STAFF = List.of(COORDINATOR, COUNSELLOR, TEAM, COACH);
  /** Timers the test fires itself, when it says time has passed. */
  static final Set<String> HELD_TIMERS = Set.of("Timer_TriageSla", OnwardReferralModel.TIMER_ANSWER_DEADLINE,
      SupportedEmploymentModel.TIMER_CONTACT_OVERDUE, SupportedEmploymentModel.TIMER_FOLLOW_UP_DUE);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  HttpTestClient http;

  @BeforeEach
  void people() {
    http = new HttpTestClient(port);
    staff(COORDINATOR, "te-coordinator");
    staff(COUNSELLOR, "sote-counsellor");
    staff(TEAM, "work-ability-team");
    staff(COACH, "job-coach");
  }

  @Test
  void theMappingsFollowOnPathStartsSupportedEmploymentThroughTheOnwardReferralAndItEndsEmployed() throws Exception {
    String identityCode = TestReferrals.randomTestCode();
    HttpResponse<String> created = http.send(http.request("/api/referrals", "te-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").header("Idempotency-Key", "se-it-" + identityCode)
        .POST(HttpRequest.BodyPublishers.ofString(TestReferrals.apiReferralJson(identityCode, "Pori"))).build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();

    complete(caseNumber, "Task_ConfirmTriage", COUNSELLOR, TestReferrals.teamTriage("Haluaa töihin kauppaan"));
    complete(caseNumber, "Task_BookAppointment", COUNSELLOR, Map.of("appointmentKind", "team-appointment",
        "appointmentAt", Instant.now().plus(7, ChronoUnit.DAYS), "appointmentPlace", "Sote-keskus, huone 12"));
    complete(caseNumber, "Task_MapWorkAbility", TEAM, Map.of("appointmentAttended", true,
        "workAbilityAssessment", "Työkyky osittain alentunut", "supportPlan", "Tuettu työllistyminen",
        "followOnPaths", List.of("supported-employment"), "caseManager", "it-tiimi"));

    // The follow-on path became one onward referral to the job coaches, sent by the team.
    JsonNode referred = caseStatus(caseNumber).get("onwardReferrals");
    assertThat(referred).hasSize(1);
    assertThat(referred.get(0).get("service").asText()).isEqualTo("supported-employment-ips");
    assertThat(referred.get(0).get("status").asText()).isEqualTo("requested");
    complete(caseNumber, OnwardReferralModel.TASK_RECEIVE, COACH, Map.of(OnwardReferralModel.ANSWER, "accept",
        OnwardReferralModel.FIRST_APPOINTMENT_AT, java.time.ZonedDateTime.now().plusDays(2).truncatedTo(ChronoUnit.HOURS)));

    // Accepting started the path, with the coach as the responsible worker.
    JsonNode meeting = JSON.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + SupportedEmploymentModel.TASK_FIRST_MEETING, COACH).body());
    assertThat(meeting.get(0).get("assignee").asText()).isEqualTo(COACH);
    complete(caseNumber, SupportedEmploymentModel.TASK_FIRST_MEETING, COACH, Map.of("cooperation", "agreed"));
    complete(caseNumber, SupportedEmploymentModel.TASK_VOCATIONAL_PROFILE, COACH, Map.of("workHistory",
        "Kaupan kassa 4 vuotta", "education", "Merkonomi", "skills", "Asiakaspalvelu", "workWishes", "Kauppa, aamuvuorot",
        "kykyviisariScore", 5, "kykyviisariDiscussed", true));
    complete(caseNumber, SupportedEmploymentModel.TASK_JOB_SEARCH, COACH, contact("Lähikauppa Oy", "no-opening"));
    complete(caseNumber, SupportedEmploymentModel.TASK_JOB_SEARCH, COACH, contact("Marketti Ky", "job-offer"));
    complete(caseNumber, SupportedEmploymentModel.TASK_JOB_SEARCH, COACH, Map.of("searchStep", "job-found"));
    complete(caseNumber, SupportedEmploymentModel.TASK_EMPLOYER_AGREEMENT, COACH, agreement("Marketti Ky", "wage-subsidy"));

    long coaching = jdbc.queryForObject("select id from supported_employment where case_number = ?", Long.class, caseNumber);
    assertThat(jdbc.queryForList("select employer from supported_employment_contact where supported_employment_id = ?"
        + " order by id", String.class, coaching)).containsExactly("Lähikauppa Oy", "Marketti Ky");
    assertThat(jdbc.queryForObject("select scope from consent where case_number = ? and scope = 'employer'",
        String.class, caseNumber)).isEqualTo("employer");

    // A month later: the follow-up finds the job lost, and the search starts again.
    fireFollowUp(caseNumber);
    complete(caseNumber, SupportedEmploymentModel.TASK_FOLLOW_UP, COACH, Map.of("clientView", "Työ päättyi koeajalla",
        "employerView", "Tehtävät eivät sopineet", "jobStatus", "lost"));
    assertThat(jdbc.queryForObject("select count(*) from supported_employment_job where supported_employment_id = ?"
        + " and ended_on is not null", Integer.class, coaching)).isOne();
    complete(caseNumber, SupportedEmploymentModel.TASK_JOB_SEARCH, COACH, Map.of("searchStep", "job-found"));
    complete(caseNumber, SupportedEmploymentModel.TASK_EMPLOYER_AGREEMENT, COACH, agreement("Kirjakauppa Oy", "none"));
    fireFollowUp(caseNumber);
    complete(caseNumber, SupportedEmploymentModel.TASK_FOLLOW_UP, COACH, Map.of("clientView", "Työ sujuu hyvin",
        "kykyviisariScore", 7, "jobStatus", "support-ended"));

    assertThat(jdbc.queryForObject("select end_state from supported_employment where id = ?", String.class, coaching))
        .isEqualTo("employed");
    assertThat(jdbc.queryForObject("select count(*) from supported_employment_job where supported_employment_id = ?",
        Integer.class, coaching)).isEqualTo(2);
    // The team that referred sees the onward referral completed, and gets the feedback to review.
    JsonNode onward = caseStatus(caseNumber).get("onwardReferrals").get(0);
    assertThat(onward.get("status").asText()).isEqualTo("completed");
    assertThat(onward.get("history").findValuesAsText("status")).containsSubsequence("accepted", "completed");
    JsonNode review = JSON.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + OnwardReferralModel.TASK_REVIEW_FEEDBACK, TEAM).body());
    assertThat(review).hasSize(1);
    // No mail carries the client's identity code or what the employer was told.
    smtp.getReceivedMessages();
    for (var mail : smtp.getReceivedMessages()) {
      assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).doesNotContain(identityCode)
          .doesNotContain("Tehtävät eivät sopineet");
    }
  }

  /** Time passes to the follow-up: its timer fires. */
  private void fireFollowUp(String caseNumber) {
    runJobs(caseNumber, job -> SupportedEmploymentModel.TIMER_FOLLOW_UP_DUE.equals(activityOf(job)));
  }

  private JsonNode caseStatus(String caseNumber) throws Exception {
    HttpResponse<String> status = http.send(http.request("/api/cases/" + caseNumber, "sote-system", SYSTEM_PASSWORD)
        .GET().build());
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    return JSON.readTree(status.body());
  }

  /**
   * Completes the only task of the step as the user, after checking that only that user sees it
   * among the test's staff, by posting what Tasklist posts for what the user entered.
   */
  private void complete(String caseNumber, String step, String user, Map<String, Object> entered) throws Exception {
    runJobs(caseNumber, job -> !HELD_TIMERS.contains(activityOf(job)));
    String query = "/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=" + step;
    for (String other : STAFF) {
      assertThat(JSON.readTree(get(query, other).body())).as("%s sees %s", other, step).hasSize(other.equals(user) ? 1 : 0);
    }
    String taskId = JSON.readTree(get(query, user).body()).get(0).get("id").asText();
    HttpResponse<String> done = http.send(http.request("/engine-rest/task/" + taskId + "/submit-form", user, STAFF_PASSWORD)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Tasklist.restBody(engine, taskId, entered))).build());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    runJobs(caseNumber, job -> !HELD_TIMERS.contains(activityOf(job)));
  }

  private HttpResponse<String> get(String path, String user) {
    return http.send(http.request(path, user, STAFF_PASSWORD).GET().build());
  }

  private static Map<String, Object> contact(String employer, String outcome) {
    return Map.of("searchStep", "contact", "employerName", employer, "contactDate", LocalDate.now(WorkingDays.FINLAND),
        "contactOutcome", outcome);
  }

  private static Map<String, Object> agreement(String employer, String arrangement) {
    Map<String, Object> entered = new HashMap<>(Map.of("agreement", "reached", "employerName", employer,
        "jobTitle", "Myyjä", "jobStartDate", LocalDate.now(WorkingDays.FINLAND), "weeklyHours", 30, "arrangement", arrangement,
        "employerConsent", true, "employerConsentUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1)));
    entered.put("employerDisclosure", "Tuettu työllistyminen ja valmentajan yhteystiedot");
    return entered;
  }

}
