package fi.polku.referral;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.NewConsent;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One referral from the employment services' system through every task of path 1, each done
 * through the REST API by a user of the right group, on PostgreSQL, with the mails checked at a
 * real SMTP server. The test runs the engine's jobs (timers, save points) itself.
 */
class TeReferralIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final String COORDINATOR = "it-koordinaattori";
  static final String COUNSELLOR = "it-palveluohjaaja";
  static final String TEAM = "it-tiimi";
  static final List<String> STAFF = List.of(COORDINATOR, COUNSELLOR, TEAM);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired fi.polku.consent.ConsentService consents;
  HttpTestClient http;

  @BeforeEach
  void people() {
    http = new HttpTestClient(port);
    staff(COORDINATOR, "te-coordinator");
    staff(COUNSELLOR, "sote-counsellor");
    staff(TEAM, "work-ability-team");
  }

  @Test
  void aReferralFromTheEmploymentServicesSystemRunsThroughEveryTaskToItsFollowUp() throws Exception {
    String identityCode = TestReferrals.randomTestCode();
    String body = TestReferrals.apiReferralJson(identityCode, "Jyväskylä");

    HttpResponse<String> created = post("/api/referrals", body, "it-key-" + identityCode);
    HttpResponse<String> retried = post("/api/referrals", body, "it-key-" + identityCode);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/cases/" + caseNumber);
    assertThat(retried.statusCode()).isEqualTo(201);
    assertThat(retried.body()).isEqualTo(created.body());
    assertThat(jdbc.queryForObject("select count(*) from referral where case_number = ?", Integer.class, caseNumber)).isOne();

    HttpResponse<String> second = post("/api/referrals", body, "another-key-" + identityCode);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains(caseNumber).doesNotContain(identityCode);

    complete(caseNumber, "Task_ConfirmTriage", COUNSELLOR, TestReferrals.teamTriage("Haluaa osa-aikatyötä"));
    complete(caseNumber, "Task_BookAppointment", COUNSELLOR, Map.of("appointmentKind", "team-appointment",
        "appointmentAt", Instant.now().plus(7, ChronoUnit.DAYS),
        "appointmentPlace", "Sote-keskus, huone 12"));
    complete(caseNumber, "Task_MapWorkAbility", TEAM, Map.of("appointmentAttended", true,
        "workAbilityAssessment", "Työkyky osittain alentunut", "supportPlan", "Ammatillinen kuntoutus",
        "followOnPaths", List.of("vocational-rehabilitation"), "caseManager", TEAM));
    complete(caseNumber, "Task_ReviewPlan", COORDINATOR, Map.of("planReviewed", true));
    complete(caseNumber, "Task_FollowUp3", TEAM, Map.of("outcome3", "education", "satisfaction3", 9));
    complete(caseNumber, "Task_FollowUp6", TEAM, Map.of("outcome6", "employed", "satisfaction6", 10));

    JsonNode status = JSON.readTree(http.send(http.request("/api/cases/" + caseNumber, "te-system", SYSTEM_PASSWORD)
        .GET().build()).body());
    assertThat(status.get("paths").get(0).get("state").asText()).as(status.toString()).isEqualTo("ended");
    assertThat(status.get("paths").get(0).get("endState").asText()).isEqualTo("Suunnitelma toimitettu ja seurattu");
    assertThat(status.get("content").toString()).contains("\"status\":\"completed\"").contains("vocational-rehabilitation");

    MimeMessage[] mails = smtp.getReceivedMessages();
    // Each mail once: the counsellor's notice, the client's invitation, reminder and case manager, and
    // the referrer's two status notices.
    // Staff other tests on this database put in the same groups get the group's notice too: only
    // this test's people count here.
    assertThat(mails).extracting(mail -> mail.getAllRecipients()[0] + " | " + mail.getSubject())
        .filteredOn(line -> !line.startsWith("it-") || line.startsWith(COUNSELLOR + "@"))
        .containsExactlyInAnyOrder(
            COUNSELLOR + "@polku.invalid | Uusi tehtävä Polussa: Vahvista ohjauksen suunta (" + caseNumber + ")",
            "asiakas@polku.invalid | Kutsu työkyvyn tuen tapaamiseen (" + caseNumber + ")",
            "asiakas@polku.invalid | Muistutus: työkyvyn tuen tapaaminen " + mailTime(caseNumber) + " (" + caseNumber + ")",
            "asiakas@polku.invalid | Sinulle on nimetty asiakasvastaava (" + caseNumber + ")",
            "te-system@polku.invalid | Lähettämäsi asiakkaan tilanne päivittyi (" + caseNumber + ")",
            "te-system@polku.invalid | Lähettämäsi asiakkaan tilanne päivittyi (" + caseNumber + ")");
    for (MimeMessage mail : mails) {
      String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
      assertThat(text).doesNotContain(identityCode).doesNotContain("Ammatillinen kuntoutus");
    }
  }

  @Test
  void aRedFlagGoesToSpecialistCareWhoseSystemAnswersAndTheClientReturnsToTheSoteCounsellor() throws Exception {
    String identityCode = TestReferrals.randomTestCode();
    HttpResponse<String> created = post("/api/referrals", TestReferrals.apiReferralJson(identityCode, "Jyväskylä"), "it-red-" + identityCode);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();
    // The client consented to health information between the sote centre and specialist care.
    for (Agency[] way : new Agency[][] {{Agency.SOTE, Agency.ESH}, {Agency.ESH, Agency.SOTE}}) {
      for (ConsentScope scope : List.of(ConsentScope.STATUS, ConsentScope.HEALTH)) {
        consents.give(caseNumber, new NewConsent(way[0], way[1], scope, LocalDate.now(WorkingDays.FINLAND), LocalDate.now(WorkingDays.FINLAND).plusYears(1)), "it");
      }
    }
    Map<String, Object> red = TestReferrals.teamTriage("Haluaa osa-aikatyötä");
    red.put("whodas1", 4);
    complete(caseNumber, "Task_ConfirmTriage", COUNSELLOR, red);
    runJobs(caseNumber, notTheDeadlines());

    // Specialist care's system reads its inbox and answers through the API as esh-system.
    JsonNode inbox = JSON.readTree(system("/api/onward-referrals?status=requested", "esh-system", null).body());
    JsonNode mine = null;
    for (JsonNode each : inbox) {
      if (each.get("caseNumber").asText().equals(caseNumber)) {
        mine = each;
      }
    }
    assertThat(mine).as(inbox.toString()).isNotNull();
    long id = mine.get("id").asLong();
    assertThat(mine.get("service").asText()).isEqualTo("esh-multiprofessional-assessment");
    assertThat(mine.get("reason").asText()).startsWith("Punainen WHODAS 2.0 -lippu");
    HttpResponse<String> accepted = system("/api/onward-referrals/" + id + "/accept", "esh-system",
        "{\"firstAppointmentAt\":\"" + OffsetDateTime.now().plusDays(7).truncatedTo(ChronoUnit.HOURS) + "\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    HttpResponse<String> completed = system("/api/onward-referrals/" + id + "/complete", "esh-system",
        "{\"feedback\":\"Moniammatillinen arvio tehty: osa-aikatyö tuettuna mahdollinen\"}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    // Another agency's system does not see it.
    assertThat(system("/api/onward-referrals/" + id, "kela-system", null).statusCode()).isEqualTo(404);

    // The referrer sees the onward referral's states beside the path.
    JsonNode status = JSON.readTree(system("/api/cases/" + caseNumber, "te-system", null).body());
    JsonNode onward = status.get("onwardReferrals").get(0);
    assertThat(onward.get("service").asText()).isEqualTo("esh-multiprofessional-assessment");
    List<String> states = new java.util.ArrayList<>();
    onward.get("history").forEach(change -> states.add(change.get("status").asText()));
    assertThat(states).containsExactly("requested", "requested", "accepted", "in-progress", "completed");
    assertThat(status.get("paths").get(0).get("state").asText()).isEqualTo("running");

    // The sote counsellor reviews the return and then decides, with specialist care's feedback shown.
    complete(caseNumber, "Task_ReviewFeedback", COUNSELLOR, Map.of("feedbackReviewed", true));
    runJobs(caseNumber, notTheDeadlines());
    String query = "/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=Task_DecideAfterSpecialistCare";
    String taskId = JSON.readTree(get(query, COUNSELLOR).body()).get(0).get("id").asText();
    assertThat(JSON.readTree(get("/engine-rest/task/" + taskId + "/form-variables", COUNSELLOR).body())
        .get("specialistCareFeedback").get("value").asText()).isEqualTo("Moniammatillinen arvio tehty: osa-aikatyö tuettuna mahdollinen");
    complete(caseNumber, "Task_DecideAfterSpecialistCare", COUNSELLOR, Map.of("afterSpecialistCare", "close",
        "specialistCareCloseReason", "treatment-continues", "specialistCareCloseNote", "Kuntoutus jatkuu erikoissairaanhoidossa"));

    status = JSON.readTree(system("/api/cases/" + caseNumber, "te-system", null).body());
    assertThat(status.get("paths").get(0).get("endState").asText()).isEqualTo("Suljettu erikoissairaanhoidon jälkeen");
  }

  /** Every job of the case but the triage SLA and the onward referral's answer deadline. */
  private java.util.function.Predicate<org.camunda.bpm.engine.runtime.Job> notTheDeadlines() {
    return job -> !"Timer_TriageSla".equals(activityOf(job)) && !"Timer_AnswerDeadline".equals(activityOf(job));
  }

  private HttpResponse<String> system(String path, String user, String json) {
    HttpRequest.Builder request = http.request(path, user, SYSTEM_PASSWORD);
    if (json == null) {
      return http.send(request.GET().build());
    }
    return http.send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  @Test
  void aBadReferralIsRefusedWithAProblemAndNothingIsStored() throws Exception {
    String identityCode = TestReferrals.randomTestCode();
    int before = jdbc.queryForObject("select count(*) from referral", Integer.class);
    String valid = TestReferrals.apiReferralJson(identityCode, "Jyväskylä");

    assertProblem(post("/api/referrals", valid.replace(",\"employed\":false", ""), "k1-" + identityCode), 400, "criteria.employed");
    assertProblem(post("/api/referrals", valid.replace("\"reason\":", "\"reasons\":"), "k2-" + identityCode), 400, "reasons");
    assertProblem(post("/api/referrals", valid.replace(identityCode, identityCode.substring(0, 10) + "!"), "k3-" + identityCode), 400, "identityCode");
    assertProblem(post("/api/referrals", valid.replace("30,", "\"thirty\","), "k4-" + identityCode), 400, "unemploymentMonths");
    HttpResponse<String> fromSote = http.send(http.request("/api/referrals", "sote-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(valid)).build());
    assertProblem(fromSote, 403, null);
    assertThat(jdbc.queryForObject("select count(*) from referral", Integer.class)).isEqualTo(before);

    assertThat(post("/api/referrals", valid, "k5-" + identityCode).statusCode()).isEqualTo(201);
    assertProblem(post("/api/referrals", valid.replace("Jyväskylä", "Vaasa"), "k5-" + identityCode), 409, null);
    assertThat(jdbc.queryForObject("select count(*) from referral", Integer.class)).isEqualTo(before + 1);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    if (field != null) {
      assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asText()).isEqualTo(field);
    }
  }

  /**
   * Completes the only task of the step as the user, after checking that only that user's group sees
   * it, by posting what Tasklist posts when the user has entered {@code entered} into the task's form.
   */
  private void complete(String caseNumber, String step, String user, Map<String, Object> entered) throws Exception {
    runJobs(caseNumber);
    String query = "/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=" + step;
    for (String other : STAFF) {
      JsonNode seen = JSON.readTree(get(query, other).body());
      assertThat(seen).as("%s sees %s", other, step).hasSize(other.equals(user) ? 1 : 0);
    }
    String taskId = JSON.readTree(get(query, user).body()).get(0).get("id").asText();
    HttpResponse<String> done = http.send(http.request("/engine-rest/task/" + taskId + "/submit-form", user, STAFF_PASSWORD)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Tasklist.restBody(engine, taskId, entered))).build());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    runJobs(caseNumber);
  }

  /**
   * Runs every job of the case, timers included (time passes), except the triage SLA and an onward
   * referral's answer deadline: triage and the receiver are on time here.
   */
  private void runJobs(String caseNumber) {
    runJobs(caseNumber, notTheDeadlines());
  }

  private String mailTime(String caseNumber) {
    String at = jdbc.queryForObject("select body from mail_outbox where case_number = ? and template = 'referral-reminder'",
        String.class, caseNumber);
    return at.substring(at.indexOf("Aika: ") + 6, at.indexOf('\n', at.indexOf("Aika: ")));
  }

  private HttpResponse<String> get(String path, String user) {
    return http.send(http.request(path, user, STAFF_PASSWORD).GET().build());
  }

  private HttpResponse<String> post(String path, String json, String key) {
    return http.send(http.request(path, "te-system", SYSTEM_PASSWORD).header("Content-Type", "application/json")
        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

}
