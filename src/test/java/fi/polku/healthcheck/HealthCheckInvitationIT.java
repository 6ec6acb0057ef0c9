package fi.polku.healthcheck;

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
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardStatus;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An invitation round of 50 rows through the API on PostgreSQL: the per-row answer, the instances
 * started, exactly one invitation mail per invited client at a real SMTP server, a re-sent round
 * inviting nobody twice, and a work-ability-team routing starting te-referral for the same case.
 */
class HealthCheckInvitationIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final String NURSE = "it-terveydenhoitaja";

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.HistoryService historyService;
  @org.springframework.beans.factory.annotation.Autowired ConsentService consents;
  @org.springframework.beans.factory.annotation.Autowired OnwardReferrals onwardReferrals;
  HttpTestClient http;

  @BeforeEach
  void people() {
    http = new HttpTestClient(port);
    staff(NURSE, "health-check-nurse");
  }

  @Test
  void aCohortOfFiftyRowsIsScreenedRowByRowAndEachInvitedClientGetsOneMail() throws Exception {
    List<String> rows = new ArrayList<>();
    List<String> valid = new ArrayList<>();
    for (int i = 0; i < 35; i++) {
      String code = TestReferrals.randomTestCode();
      while (valid.contains(code)) {
        code = TestReferrals.randomTestCode();
      }
      valid.add(code);
      rows.add(row(code, "kutsuttava" + i + "@polku.invalid", true, false, 30));
    }
    for (int i = 0; i < 6; i++) {
      rows.add(row(TestReferrals.randomTestCode(), "tth" + i + "@polku.invalid", true, true, 30));
    }
    for (int i = 0; i < 5; i++) {
      rows.add(row("150385-90" + i + "X", "virhe" + i + "@polku.invalid", true, false, 30));
    }
    for (int i = 0; i < 4; i++) {
      rows.add(row(valid.get(i), "tupla" + i + "@polku.invalid", true, false, 30));
    }

    JsonNode answer = JSON.readTree(post("[" + String.join(",", rows) + "]").body());

    assertThat(answer.get("rows").asInt()).isEqualTo(50);
    assertThat(answer.get("counts").toString())
        .isEqualTo("{\"started\":35,\"not-eligible\":6,\"invalid\":5,\"duplicate\":4}");
    JsonNode first = answer.get("results").get(0);
    assertThat(first.get("result").asText()).isEqualTo("started");
    assertThat(first.get("caseNumber").asText()).matches("TK-\\d{4}-\\d{6}");
    assertThat(answer.get("results").get(36).get("reason").asText()).isNotBlank();
    assertThat(answer.get("results").get(41).get("reason").asText()).startsWith("identityCode:");
    assertThat(answer.toString()).doesNotContain(valid.get(0));
    for (String caseNumber : started(answer)) {
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("health-check-invitation")
          .processInstanceBusinessKey(caseNumber).count()).as(caseNumber).isOne();
    }

    for (String caseNumber : started(answer)) {
      runJobs(caseNumber, job -> job.getDuedate() == null || !job.getDuedate().after(new java.util.Date()));
    }
    List<String> invited = new ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      invited.add(mail.getAllRecipients()[0].toString());
    }
    assertThat(invited).hasSize(35).doesNotHaveDuplicates().allMatch(address -> address.startsWith("kutsuttava"));

    JsonNode resent = JSON.readTree(post("[" + String.join(",", rows.subList(0, 3)) + "]").body());
    assertThat(resent.get("counts").get("duplicate").asInt()).as("a re-sent row invites nobody twice").isEqualTo(3);
  }

  @Test
  void aCsvExportIsReadAndAWorkAbilityRoutingStartsTheReferralForTheSameCase() throws Exception {
    String code = TestReferrals.randomTestCode();
    String csv = "\uFEFFidentityCode;name;email;phone;municipality;unemploymentMonths;unemployed;"
        + "coveredByOccupationalHealth;monthsSinceLastHealthCheck\n"
        + code + ";Testi Asiakas;asiakas@polku.invalid;;Jyväskylä;30;kyllä;ei;\n";
    HttpResponse<String> response = http.send(http.request("/api/health-check-invitations", "te-system", SYSTEM_PASSWORD)
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("counts").get("started").asInt()).as(response.body()).isOne();
    String caseNumber = answer.get("results").get(0).get("caseNumber").asText();
    runJobs(caseNumber, job -> job.getDuedate() == null || !job.getDuedate().after(new java.util.Date()));

    checkDone(caseNumber, true);

    // Started for the same case (without the client's te↔sote consent it then returns to the referrer).
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("te-referral")
        .processInstanceBusinessKey(caseNumber).count()).as("te-referral for the same case").isOne();
    assertThat(http.send(http.request("/api/health-check-invitations/" + caseNumber + "/booking", "sote-system",
        SYSTEM_PASSWORD).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"appointmentAt\":\"2026-12-01T10:00Z\",\"appointmentPlace\":\"x\"}")).build()).statusCode()).isEqualTo(409);
  }

  /** The appointment system books, and the nurse checks the client in Tasklist (REST as Tasklist does). */
  private void checkDone(String caseNumber, boolean workAbilityConcern) throws Exception {
    checkDone(caseNumber, 0, workAbilityConcern, false);
  }

  /** As above, with each WHODAS answer (4 makes the flag red) and the physician question. */
  private void checkDone(String caseNumber, int eachWhodasAnswer, boolean workAbilityConcern, boolean physicianNeeded)
      throws Exception {
    HttpResponse<String> booked = http.send(http.request("/api/health-check-invitations/" + caseNumber + "/booking",
        "sote-system", SYSTEM_PASSWORD).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"appointmentAt\":\"" + Instant.now().plus(3, ChronoUnit.DAYS)
            + "\",\"appointmentPlace\":\"Sote-keskus\"}")).build());
    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(202);
    runJobs(caseNumber, job -> job.getDuedate() == null || !job.getDuedate().after(new java.util.Date()));

    JsonNode tasks = JSON.readTree(http.send(http.request("/engine-rest/task?processInstanceBusinessKey=" + caseNumber,
        NURSE, STAFF_PASSWORD).GET().build()).body());
    assertThat(tasks).hasSize(1);
    Map<String, Object> form = new HashMap<>();
    form.put("attended", true);
    form.put("findings", "Uupumusta");
    for (int item = 1; item <= 12; item++) {
      form.put("whodas" + item, eachWhodasAnswer);
    }
    form.put("workAbilityConcern", workAbilityConcern);
    form.put("physicianNeeded", physicianNeeded);
    form.put("rehabilitationNeed", false);
    form.put("healthPlan", "Työkyvyn tuen kartoitus");
    String taskId = tasks.get(0).get("id").asText();
    HttpResponse<String> done = http.send(http.request("/engine-rest/task/" + taskId + "/submit-form", NURSE,
        STAFF_PASSWORD).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Tasklist.restBody(engine, taskId, form))).build());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    runJobs(caseNumber, job -> job.getDuedate() == null || !job.getDuedate().after(new java.util.Date()));

  }

  @Test
  void employmentServicesSeeTheHealthCheckSummaryInTheCaseOnlyWithConsentAndTheFindingsNever() throws Exception {
    JsonNode answer = JSON.readTree(post("[" + row(TestReferrals.randomTestCode(), "yhteenveto@polku.invalid", true,
        false, 30) + "]").body());
    String caseNumber = answer.get("results").get(0).get("caseNumber").asText();
    runJobs(caseNumber, job -> job.getDuedate() == null || !job.getDuedate().after(new java.util.Date()));
    checkDone(caseNumber, false);

    String without = http.send(http.request("/api/cases/" + caseNumber, "te-system", SYSTEM_PASSWORD).GET().build()).body();
    HttpResponse<String> consent = http.send(http.request("/api/cases/" + caseNumber + "/consents", "te-system",
        SYSTEM_PASSWORD).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"fromAgency\":\"sote\",\"toAgency\":\"te\",\"scope\":\"plan\",\"givenOn\":\""
            + java.time.LocalDate.now(WorkingDays.FINLAND) + "\",\"validUntil\":\"" + java.time.LocalDate.now(WorkingDays.FINLAND).plusYears(1) + "\"}")).build());
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
    String with = http.send(http.request("/api/cases/" + caseNumber, "te-system", SYSTEM_PASSWORD).GET().build()).body();
    String nurse = http.send(http.request("/api/cases/" + caseNumber, "sote-system", SYSTEM_PASSWORD).GET().build()).body();

    assertThat(without).as("without consent").doesNotContain("Terveystarkastuksen yhteenveto").doesNotContain("Työkyvyn tuen kartoitus");
    assertThat(JSON.readTree(with).get("content").findValuesAsText("title"))
        .contains("Terveystarkastuksen yhteenveto ja terveyssuunnitelma")
        .doesNotContain("Terveystarkastuksen havainnot");
    assertThat(with).contains("\"healthPlan\":\"Työkyvyn tuen kartoitus\"").doesNotContain("Uupumusta");
    assertThat(nurse).as("the sote centre's own content").contains("Uupumusta");
  }

  @Test
  void aRedFlagAndAPhysiciansVisitBecomeTwoOnwardReferralsAndOnlyTheConsentedOneReachesSpecialistCare() throws Exception {
    JsonNode answer = JSON.readTree(post("[" + row(TestReferrals.randomTestCode(), "punainen@polku.invalid", true,
        false, 30) + "]").body());
    String caseNumber = answer.get("results").get(0).get("caseNumber").asText();
    runJobs(caseNumber, job -> job.getDuedate() == null || !job.getDuedate().after(new java.util.Date()));
    // The client agreed at the check that her health information may go to specialist care (and back).
    for (ConsentScope scope : List.of(ConsentScope.STATUS, ConsentScope.PLAN, ConsentScope.HEALTH)) {
      consents.give(caseNumber, new NewConsent(Agency.SOTE, Agency.ESH, scope, java.time.LocalDate.now(WorkingDays.FINLAND),
          java.time.LocalDate.now(WorkingDays.FINLAND).plusYears(1)), "it");
      consents.give(caseNumber, new NewConsent(Agency.ESH, Agency.SOTE, scope, java.time.LocalDate.now(WorkingDays.FINLAND),
          java.time.LocalDate.now(WorkingDays.FINLAND).plusYears(1)), "it");
    }

    checkDone(caseNumber, 4, false, true);

    assertThat(onwardReferrals.ofCase(caseNumber)).extracting(referral -> referral.service().code())
        .containsExactlyInAnyOrder("esh-multiprofessional-assessment", "sote-physician");
    assertThat(onwardReferrals.ofCase(caseNumber)).allSatisfy(referral -> {
      assertThat(referral.status()).isEqualTo(OnwardStatus.REQUESTED);
      assertThat(referral.sentAt()).as("both crossed: one with consent, one inside the sote centre").isNotNull();
      assertThat(referral.responsibleGroup()).isEqualTo("health-check-nurse");
      assertThat(referral.responsibleWorker()).isEqualTo(NURSE);
    });
    JsonNode inbox = JSON.readTree(http.send(http.request("/api/onward-referrals?status=requested", "esh-system",
        SYSTEM_PASSWORD).GET().build()).body());
    assertThat(inbox.findValuesAsText("caseNumber")).contains(caseNumber);
    JsonNode status = JSON.readTree(http.send(http.request("/api/cases/" + caseNumber, "sote-system", SYSTEM_PASSWORD)
        .GET().build()).body());
    assertThat(status.get("onwardReferrals").findValuesAsText("service"))
        .containsExactlyInAnyOrder("esh-multiprofessional-assessment", "sote-physician");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("health-check-invitation")
        .processInstanceBusinessKey(caseNumber).singleResult().getEndActivityId()).isEqualTo("EndEvent_ReferredOnward");
  }

  private HttpResponse<String> post(String json) {
    return http.send(http.request("/api/health-check-invitations", "te-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static List<String> started(JsonNode answer) {
    List<String> cases = new ArrayList<>();
    answer.get("results").forEach(result -> {
      if (result.get("result").asText().equals("started")) {
        cases.add(result.get("caseNumber").asText());
      }
    });
    return cases;
  }

  private static String row(String code, String email, boolean unemployed, boolean occupationalHealth, int months) {
    return "{\"identityCode\":\"" + code + "\",\"name\":\"Testi Asiakas\",\"email\":\"" + email + "\","
        + "\"municipality\":\"Jyväskylä\",\"unemploymentMonths\":" + months + ",\"unemployed\":" + unemployed
        + ",\"coveredByOccupationalHealth\":" + occupationalHealth + "}";
  }
}
