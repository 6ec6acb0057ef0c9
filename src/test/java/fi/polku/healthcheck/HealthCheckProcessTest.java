package fi.polku.healthcheck;

import fi.polku.calendar.WorkingDays;
import static fi.polku.healthcheck.HealthCheckModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static fi.polku.support.Tasklist.entries;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fi.polku.api.CaseContentSource;
import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.onward.OnwardStatus;
import fi.polku.support.FormConditions;
import fi.polku.support.TakenFlows;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Path 2 on the real delegates and decisions: every way in, both ways of booking, both reminders,
 * every end state, and the work-ability-team route that starts path 1 for the same case.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, TakenFlows.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class HealthCheckProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired HealthCheckContent healthCheckContent;
  @Autowired fi.polku.notify.MailProperties mail;
  @Autowired OnwardReferrals onwardReferrals;
  @Autowired HealthCheckIntake intake;

  @BeforeEach
  void useTheSpringEngine() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void reset() {
    BpmnAwareTests.reset();
  }

  /** The class drives every sequence flow of health-check-invitation (100 % flow coverage). */
  @AfterAll
  static void everyFlowOfTheModelWasTaken() {
    assertThat(TakenFlows.notTaken(PROCESS_KEY)).as("sequence flows of health-check-invitation no test took").isEmpty();
  }

  @Test
  void anInvitedClientBooksIsCheckedAndGetsAHealthPlan() {
    ProcessInstance check = start("referral", "koordinaattori", "te-coordinator", false);
    String caseNumber = caseNumberOf(check);
    assertThat(check).isWaitingAt(TASK_SEND_INVITATION);
    execute(job(TASK_SEND_INVITATION));

    bookByNurse(check);
    healthCheck(check, false, false);

    assertThat(check).isEnded().hasPassed(END_HEALTH_PLAN_MADE);
    assertThat(jdbc.queryForObject("select booked_at from health_check where case_number = ?", java.sql.Timestamp.class,
        caseNumber)).as("the nurse's booking is recorded for evaluation").isNotNull();
    assertThat(templates(caseNumber)).containsExactly("health-check-invitation", "referrer-status-notice");
    assertThat(jdbc.queryForObject("select route from health_check where case_number = ?", String.class, caseNumber))
        .isEqualTo("health-plan-only");
  }

  /**
   * The path's one door: a coordinator's referral as an invitation round's row (the API's door, as
   * the controller calls it), the same referral through the start form, and a nurse's walk-in all
   * go through HealthCheckIntake and leave the same rows and the same instance.
   */
  @Test
  void aRoundsRowTheStartFormAndAWalkInGoThroughTheOneDoorToTheSameRowsAndState() {
    HealthCheckIntake.Outcome row = intake.take(new HealthCheckRequest(TestReferrals.randomTestCode(), "Testi Asiakas",
        "asiakas@polku.invalid", null, "Jyväskylä", 30, true, false, null, "referral",
        "Pitkäaikaistyötön, ei terveystarkastusta", null, null, "koordinaattori"), intake.round(new java.util.HashSet<>()));
    ProcessInstance form = start("referral", "koordinaattori", "te-coordinator", false);
    ProcessInstance walkIn = start("walk-in", "terveydenhoitaja", "health-check-nurse", false);

    String viaApi = ((HealthCheckIntake.Started) row).caseNumber();
    Map<String, Object> rows = HealthCheckDoors.rows(jdbc, viaApi);
    assertThat(rows).isEqualTo(HealthCheckDoors.rows(jdbc, caseNumberOf(form))).containsEntry("way_in", "referral")
        .containsEntry("priority", "high").containsEntry("opened_by_agency", "te")
        .containsEntry("agencies", List.of("sote", "te"));
    Map<String, Object> state = HealthCheckDoors.state(runtimeService, managementService, viaApi);
    assertThat(state).isEqualTo(HealthCheckDoors.state(runtimeService, managementService, caseNumberOf(form)))
        .containsEntry("(waiting at)", List.of(TASK_SEND_INVITATION)).containsEntry(ELIGIBLE, true)
        .containsEntry(PRIORITY, "high").doesNotContainKeys(HealthCheckDoors.NOT_LEFT.toArray(String[]::new));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(viaApi).singleResult())
        .hasPassed(START_VIA_API).hasNotPassed(TASK_REGISTER);
    assertThat(form).hasPassed(START_FORM, TASK_REGISTER).hasNotPassed(START_VIA_API);

    // The walk-in: the same intake, the sote centre's own client, checked at once.
    Map<String, Object> walkInRows = new java.util.TreeMap<>(rows);
    walkInRows.putAll(Map.of("way_in", "walk-in", "requested_by", "terveydenhoitaja", "opened_by", "terveydenhoitaja",
        "opened_by_agency", "sote", "agencies", List.of("sote")));
    assertThat(HealthCheckDoors.rows(jdbc, caseNumberOf(walkIn))).isEqualTo(walkInRows);
    Map<String, Object> walkInState = new java.util.TreeMap<>(state);
    walkInState.putAll(Map.of(WAY_IN, "walk-in", REQUESTED_BY, "terveydenhoitaja", "(waiting at)",
        List.of(TASK_HEALTH_CHECK), "(jobs at)", List.of()));
    walkInState.put(REFERRAL_REASON, null);
    assertThat(HealthCheckDoors.state(runtimeService, managementService, caseNumberOf(walkIn)))
        .isEqualTo(walkInState);
  }

  /** The API's door answers a round's row outside the target group at once: no case, no client, no instance. */
  @Test
  void aRoundsRowOutsideTheTargetGroupOpensNothing() {
    long cases = jdbc.queryForObject("select count(*) from client_case", Long.class);
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();

    HealthCheckIntake.Outcome row = intake.take(new HealthCheckRequest(TestReferrals.randomTestCode(), "Testi Asiakas",
        "asiakas@polku.invalid", null, "Jyväskylä", 30, true, true, null, "invitation", null, null, null, "te-system"),
        intake.round(new java.util.HashSet<>()));

    assertThat(row).isEqualTo(new HealthCheckIntake.NotEligible(
        "Työterveyshuollon piirissä: terveystarkastus omassa työterveyshuollossa"));
    assertThat(jdbc.queryForObject("select count(*) from client_case", Long.class)).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isEqualTo(instances);
  }

  @Test
  void aBookingFromTheAppointmentSystemAndAWorkAbilityConcernStartTheReferralForTheSameCase() {
    ProcessInstance check = start("referral", "koordinaattori", "te-coordinator", true);
    String caseNumber = caseNumberOf(check);
    execute(job(TASK_SEND_INVITATION));

    runtimeService.createMessageCorrelation(MESSAGE_BOOKED).processInstanceBusinessKey(caseNumber)
        .setVariable(APPOINTMENT_AT, Instant.now().plus(5, ChronoUnit.DAYS).toString())
        .setVariable(APPOINTMENT_PLACE, "Sote-keskus").correlate();
    healthCheck(check, true, false);
    execute(job(TASK_START_REFERRAL));

    assertThat(check).isEnded().hasPassed(END_REFERRED_TO_TEAM).hasNotPassed(END_REFERRED_ONWARD);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("te-referral")
        .processInstanceBusinessKey(caseNumber).count()).as("te-referral for the same case").isOne();
    assertThat(onwardReferrals.ofCase(caseNumber)).as("the team has a path of its own: no onward referral").isEmpty();
  }

  @Test
  void theSummaryAndHealthPlanAreCaseContentAndTheFindingsNeedAHealthConsent() {
    ProcessInstance check = start("referral", "koordinaattori", "te-coordinator", true);
    String caseNumber = caseNumberOf(check);
    execute(job(TASK_SEND_INVITATION));
    bookByNurse(check);

    healthCheck(check, false, false);

    List<CaseContentSource.CaseContent> content = healthCheckContent.contentFor(caseNumber);
    assertThat(content).extracting(CaseContentSource.CaseContent::scope)
        .containsExactly(ConsentScope.PLAN, ConsentScope.HEALTH);
    assertThat(content.get(0).owner()).isEqualTo(Agency.SOTE);
    assertThat(content.get(0).data()).containsEntry("healthPlan", "Liikuntaa ja uniongelmien hoito")
        .containsEntry("route", "health-plan-only").containsEntry("clientView", "Haluaa töihin")
        .doesNotContainKey("findings");
    assertThat(content.get(1).data()).containsEntry("findings", "Verenpaine koholla");
    assertThat(jdbc.queryForObject("select body from mail_outbox where case_number = ?"
        + " and activity_id = ?", String.class, caseNumber, TASK_NOTIFY_EMPLOYMENT_SERVICES))
        .contains("Yhteenveto, jatko-ohjaus ja terveyssuunnitelma");
  }

  @Test
  void aCheckThatRoutesToTheTeamCarriesTheFindingsAndTheCounsellorIsNotAskedWhodasAgain() {
    ProcessInstance check = start("referral", "koordinaattori", "te-coordinator", true);
    String caseNumber = caseNumberOf(check);
    execute(job(TASK_SEND_INVITATION));
    bookByNurse(check);
    healthCheck(check, true, false);
    execute(job(TASK_START_REFERRAL));

    ProcessInstance referral = runtimeService.createProcessInstanceQuery().processDefinitionKey("te-referral")
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(referral).isWaitingAt("Task_NotifyCounsellors");
    execute(job("Task_NotifyCounsellors"));
    assertThat(referral).isWaitingAt("Task_ConfirmTriage");
    Map<String, Object> shown = runtimeService.getVariables(referral.getId());
    assertThat(shown).containsEntry("healthCheckFindings", "Verenpaine koholla").containsEntry("healthCheckKykyviisari", 6)
        .containsEntry("whodas1", 0).containsEntry("whodasRecent", true).containsEntry("whodasSum", 0)
        .containsEntry("whodasFlag", "green");
    assertThat(FormConditions.hidden("te-referral-triage", "healthCheckFindings", shown)).isFalse();
    assertThat(FormConditions.hidden("te-referral-triage", "whodas1", shown)).as("WHODAS asked again").isTrue();
    Tasklist.complete(task(), entries("triageDecision", "team-appointment", "clientDeclined", false));
    execute(job("Task_ConfirmTriage"));

    assertThat(referral).isWaitingAt("Task_BookAppointment");
    assertThat(jdbc.queryForList("select step from work_ability_measurement where case_number = ? and instrument = 'WHODAS'",
        String.class, caseNumber)).as("one WHODAS measurement, the nurse's").containsExactly(PROCESS_KEY + "/Task_RecordWhodas");
  }

  @Test
  void theInvitationIsSignedByTheUnitWithThePhoneNumberFromConfiguration() {
    ProcessInstance check = start("referral", "koordinaattori", "te-coordinator", false);
    execute(job(TASK_SEND_INVITATION));

    assertThat(jdbc.queryForObject("select body from mail_outbox where case_number = ? and template = ?", String.class,
        caseNumberOf(check), "health-check-invitation"))
        .endsWith("Ystävällisin terveisin\n" + mail.contacts().get(PROCESS_KEY).unit() + "\npuh. "
            + mail.contacts().get(PROCESS_KEY).phone() + "\n")
        .contains("sote-keskuksen terveystarkastukset");
  }

  @Test
  void aWalkInWhoRefusesSharingWithEmploymentServicesIsStillReferredToTheSoteTeam() {
    ProcessInstance check = start("walk-in", "terveydenhoitaja", "health-check-nurse", false);
    String caseNumber = caseNumberOf(check);

    healthCheck(check, true, false);
    execute(job(TASK_START_REFERRAL));

    ProcessInstance referral = runtimeService.createProcessInstanceQuery().processDefinitionKey("te-referral")
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(referral).isWaitingAt("Task_NotifyCounsellors").hasNotPassed("Task_ReturnNoConsent");
    assertThat(runtimeService.getVariables(referral.getId())).containsEntry("referrerGroup", "health-check-nurse")
        .containsEntry("referrerAgency", "sote").containsEntry("referralFromAgency", "sote");
  }

  @Test
  void aWalkInIsCheckedAtOnceAndSentToThePhysician() {
    ProcessInstance check = start("walk-in", "terveydenhoitaja", "health-check-nurse", false);

    assertThat(check).isWaitingAt(TASK_HEALTH_CHECK).hasNotPassed(TASK_SEND_INVITATION);
    healthCheck(check, false, true);
    assertThat(check).isWaitingAt(TASK_REQUEST_ONWARD_REFERRALS);
    execute(job(TASK_REQUEST_ONWARD_REFERRALS));

    assertThat(check).isEnded().hasPassed(END_REFERRED_ONWARD).hasNotPassed(END_REFERRED_TO_TEAM, END_HEALTH_PLAN_MADE);
    String caseNumber = caseNumberOf(check);
    assertThat(onwardReferrals.ofCase(caseNumber)).singleElement().satisfies(referral -> {
      assertThat(referral.service()).isEqualTo(OnwardService.SOTE_PHYSICIAN);
      assertThat(referral.sendingAgency()).isEqualTo(Agency.SOTE);
      assertThat(referral.responsibleGroup()).isEqualTo("health-check-nurse");
      assertThat(referral.responsibleWorker()).as("the nurse who did the check").isEqualTo("terveydenhoitaja");
      assertThat(referral.contentScope()).isEqualTo(ConsentScope.HEALTH);
      assertThat(referral.sentByPath()).isEqualTo(PROCESS_KEY);
      assertThat(referral.reason()).startsWith("Työttömien terveystarkastus: Lääkärin vastaanotto tarpeen");
    });
    // Within the sote centre no boundary is crossed: the physician's reception gets the referral at once.
    checkOnwardConsents(caseNumber);
    assertThat(onwardReferrals.ofCase(caseNumber).get(0).sentAt()).isNotNull();
  }

  /** Runs each onward referral's consent check at the crossing (its save point). */
  private void checkOnwardConsents(String caseNumber) {
    for (ProcessInstance onward : runtimeService.createProcessInstanceQuery().processDefinitionKey("onward-referral")
        .processInstanceBusinessKey(caseNumber).list()) {
      for (Job crossing : managementService.createJobQuery().processInstanceId(onward.getId())
          .activityId("Task_CheckConsentAtCrossing").list()) {
        managementService.executeJob(crossing.getId());
      }
    }
  }

  @Test
  void aRedFlagWithEveryOtherFindingRequestsEachRouteAtOnceAndTheTeamStartsItsOwnPath() {
    ProcessInstance check = start("walk-in", "terveydenhoitaja", "health-check-nurse", false);
    String caseNumber = caseNumberOf(check);

    // WHODAS all 4: a red flag; and the nurse answers yes to everything.
    healthCheck(check, 4, true, true, true);
    assertThat(runtimeService.getVariable(check.getId(), ROUTES))
        .isEqualTo("specialist-care,rehabilitation-assessment,work-ability-team,physician");
    execute(job(TASK_START_REFERRAL));
    execute(job(TASK_REQUEST_ONWARD_REFERRALS));

    assertThat(check).isEnded().hasPassed(END_REFERRED_TO_TEAM, END_REFERRED_ONWARD).hasNotPassed(END_HEALTH_PLAN_MADE);
    assertThat(onwardReferrals.ofCase(caseNumber)).extracting(referral -> referral.service())
        .containsExactlyInAnyOrder(OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT,
            OnwardService.KELA_REHABILITATION_NEED_ASSESSMENT, OnwardService.SOTE_PHYSICIAN);
    assertThat(onwardReferrals.ofCase(caseNumber)).allSatisfy(referral -> {
      assertThat(referral.status()).isEqualTo(OnwardStatus.REQUESTED);
      assertThat(referral.responsibleGroup()).isEqualTo("health-check-nurse");
    });
    // No consent to specialist care or Kela was given: nothing crossed, and the nurse is asked for it.
    checkOnwardConsents(caseNumber);
    assertThat(onwardReferrals.ofCase(caseNumber)).filteredOn(referral -> referral.receivingAgency() != Agency.SOTE)
        .hasSize(2).allSatisfy(referral -> {
          assertThat(referral.consentAtCrossing()).isFalse();
          assertThat(referral.sentAt()).isNull();
        });
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("te-referral")
        .processInstanceBusinessKey(caseNumber).count()).as("te-referral for the same case").isOne();
    assertThat(jdbc.queryForObject("select route from health_check where case_number = ?", String.class, caseNumber))
        .as("the heaviest route, for the evaluation").isEqualTo("specialist-care");
  }

  @Test
  void anUnansweredQuestionSendsTheCheckBackToTheNurseAndNothingIsRequested() {
    ProcessInstance check = start("walk-in", "terveydenhoitaja", "health-check-nurse", false);
    String caseNumber = caseNumberOf(check);
    Map<String, Object> incomplete = new HashMap<>();
    incomplete.put(ATTENDED, true);
    incomplete.put("findings", "Verenpaine koholla");
    for (int item = 1; item <= 12; item++) {
      incomplete.put("whodas" + item, 4);
    }
    incomplete.put("workAbilityConcern", false);
    incomplete.put("rehabilitationNeed", false);
    incomplete.put("healthPlan", "Liikuntaa");
    // Another system posts to the engine's REST API without the physician question: the form would stop a user.
    engine.getTaskService().complete(task(TASK_HEALTH_CHECK).getId(), incomplete);
    execute(job(TASK_HEALTH_CHECK));

    assertThat(check).isWaitingAt(TASK_HEALTH_CHECK).hasNotPassed(TASK_NOTIFY_EMPLOYMENT_SERVICES);
    assertThat(onwardReferrals.ofCase(caseNumber)).as("not even the red flag's referral before the form is complete")
        .isEmpty();
    healthCheck(check, 4, false, false, false);
    execute(job(TASK_REQUEST_ONWARD_REFERRALS));

    assertThat(check).isEnded().hasPassed(END_REFERRED_ONWARD);
    assertThat(onwardReferrals.ofCase(caseNumber)).extracting(referral -> referral.service())
        .containsExactly(OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT);
  }

  @Test
  void noBookingBringsAReminderAfterTwoWeeksAndClosesAsUnansweredAfterFour() {
    ProcessInstance check = start("referral", "koordinaattori", "te-coordinator", false);
    String caseNumber = caseNumberOf(check);
    execute(job(TASK_SEND_INVITATION));

    execute(job(TIMER_REMINDER));
    execute(job(TASK_SEND_REMINDER));
    assertThat(check).isWaitingAt(TASK_RECORD_BOOKING).hasPassed("EndEvent_ReminderSent");
    execute(job(TIMER_UNANSWERED));
    execute(job(TASK_NOTIFY_UNANSWERED));

    assertThat(check).isEnded().hasPassed(END_UNANSWERED);
    assertThat(templates(caseNumber)).containsExactly("health-check-invitation", "health-check-reminder",
        "referrer-status-notice");
  }

  @Test
  void aMissedCheckIsRebookedOnceAndASecondMissClosesTheInvitation() {
    ProcessInstance check = start("referral", "koordinaattori", "te-coordinator", false);
    execute(job(TASK_SEND_INVITATION));

    bookByNurse(check);
    missedCheck(check);
    assertThat(check).isWaitingAt(TASK_RECORD_BOOKING);
    bookByNurse(check);
    missedCheck(check);
    execute(job(TASK_NOTIFY_UNANSWERED));

    assertThat(check).isEnded().hasPassed(END_UNANSWERED);
  }

  @Test
  void theReferrerIsToldWhenTheClientDeclines() {
    ProcessInstance check = start("referral", "koordinaattori", "te-coordinator", false);
    String caseNumber = caseNumberOf(check);
    execute(job(TASK_SEND_INVITATION));

    finish(TASK_RECORD_BOOKING, entries(CLIENT_DECLINED, true));
    execute(job(TASK_NOTIFY_DECLINED));

    assertThat(check).isEnded().hasPassed(END_DECLINED);
    assertThat(referrerNotice(caseNumber, TASK_NOTIFY_DECLINED)).contains("Asiakas kieltäytyi terveystarkastuksesta.")
        .contains("eikä kieltäytymisestä seuraa seuraamuksia");
  }

  @Test
  void theReferrerIsToldWhenTheClientIsNotEligible() {
    Map<String, Object> form = startForm("referral", false);
    form.put("coveredByOccupationalHealth", true);

    ProcessInstance check = submit(form, "koordinaattori", "te-coordinator");
    execute(job(TASK_NOTIFY_NOT_ELIGIBLE));

    assertThat(check).isEnded().hasPassed(END_NOT_ELIGIBLE);
    assertThat(referrerNotice(caseNumberOf(check), TASK_NOTIFY_NOT_ELIGIBLE))
        .contains("Asiakas ei kuulu työttömien terveystarkastuksen kohderyhmään").contains("Peruste: Työterveyshuollon piirissä");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(check.getId())
        .variableName("identityCode").count()).isZero();
  }

  @Test
  void aScreeningQuestionLeftUnansweredIsNotCountedAsNo() {
    for (String question : List.of("unemployed", "coveredByOccupationalHealth", "hadHealthCheck")) {
      com.fasterxml.jackson.databind.JsonNode field = FormConditions.component("health-check-invitation-start", question);
      assertThat(field.get("type").asText()).as(question).isEqualTo("radio");
      assertThat(field.path("validate").path("required").asBoolean()).as(question + " required").isTrue();
      assertThat(field.get("values").findValues("value")).extracting(com.fasterxml.jackson.databind.JsonNode::asBoolean)
          .containsExactly(true, false);
    }
    assertThat(FormConditions.hidden("health-check-invitation-start", "monthsSinceLastHealthCheck",
        Map.of("hadHealthCheck", true))).isFalse();
    // The nurse's answers that the routing decision needs are required Kyllä/Ei choices too.
    for (String question : List.of(ATTENDED, "workAbilityConcern", "physicianNeeded", "rehabilitationNeed")) {
      com.fasterxml.jackson.databind.JsonNode field = FormConditions.component("health-check", question);
      assertThat(field.get("type").asText()).as(question).isEqualTo("radio");
      assertThat(field.path("validate").path("required").asBoolean()).as(question + " required").isTrue();
    }
    assertThat(FormConditions.hidden("health-check", "findings", Map.of())).as("nothing asked before 'did the client come'")
        .isTrue();
    Map<String, Object> form = startForm("referral", false);
    form.remove("unemployed");
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult().getId();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fi.polku.engine.TasklistForm.ofStart(formService, definitionId)
        .submit(form)).as("Tasklist stops the user").hasMessageContaining("unemployed: required");

    // Another system posting to the engine's REST API is not stopped by the form: the decision still must not
    // read the blank as "no".
    identityService.setAuthentication("koordinaattori", List.of("te-coordinator"));
    ProcessInstance check;
    try {
      check = formService.submitStartForm(definitionId, form);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(check).isNotNull();
    execute(job(TASK_NOTIFY_NOT_ELIGIBLE));

    assertThat(check).isEnded().hasPassed(END_NOT_ELIGIBLE).hasNotPassed(TASK_SEND_INVITATION);
    assertThat(referrerNotice(caseNumberOf(check), TASK_NOTIFY_NOT_ELIGIBLE)).contains("Tiedot puutteelliset");
  }

  private String referrerNotice(String caseNumber, String step) {
    return jdbc.queryForObject("select body from mail_outbox where case_number = ? and activity_id = ?"
        + " and template = 'referrer-status-notice'", String.class, caseNumber, step);
  }

  // --- the people's steps ---

  private ProcessInstance start(String wayIn, String user, String group, boolean consent) {
    return submit(startForm(wayIn, consent), user, group);
  }

  private Map<String, Object> startForm(String wayIn, boolean consent) {
    Map<String, Object> form = new HashMap<>();
    form.put(WAY_IN, wayIn);
    form.put("identityCode", TestReferrals.randomTestCode());
    form.put("clientName", "Testi Asiakas");
    form.put("clientEmail", "asiakas@polku.invalid");
    form.put("municipality", "Jyväskylä");
    form.put("unemploymentMonths", 30);
    form.put("unemployed", true);
    form.put("coveredByOccupationalHealth", false);
    form.put("hadHealthCheck", false);
    form.put("referralReason", "Pitkäaikaistyötön, ei terveystarkastusta");
    form.put("consentGiven", consent);
    if (consent) {
      form.put("consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1));
    }
    return form;
  }

  private ProcessInstance submit(Map<String, Object> form, String user, String group) {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult().getId();
    identityService.setAuthentication(user, List.of(group));
    try {
      ProcessInstance check = Tasklist.start(engine, definitionId, form);
      assertThat(check).isNotNull();
      return check;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void bookByNurse(ProcessInstance check) {
    assertThat(check).isWaitingAt(TASK_RECORD_BOOKING);
    assertThat(task()).hasCandidateGroup("health-check-nurse");
    finish(TASK_RECORD_BOOKING, entries(CLIENT_DECLINED, false,
        APPOINTMENT_AT, Instant.now().plus(5, ChronoUnit.DAYS), APPOINTMENT_PLACE, "Sote-keskus"));
  }

  private void healthCheck(ProcessInstance check, boolean workAbilityConcern, boolean physicianNeeded) {
    // A green WHODAS flag, so the nurse's own answers decide the route.
    healthCheck(check, 0, false, workAbilityConcern, physicianNeeded);
  }

  private void healthCheck(ProcessInstance check, int eachWhodasAnswer, boolean rehabilitationNeed,
      boolean workAbilityConcern, boolean physicianNeeded) {
    assertThat(check).isWaitingAt(TASK_HEALTH_CHECK);
    Map<String, Object> form = new HashMap<>();
    form.put(ATTENDED, true);
    form.put("findings", "Verenpaine koholla");
    for (int item = 1; item <= 12; item++) {
      form.put("whodas" + item, eachWhodasAnswer);
    }
    form.put("workAbilityConcern", workAbilityConcern);
    form.put("physicianNeeded", physicianNeeded);
    form.put("rehabilitationNeed", rehabilitationNeed);
    form.put("kykyviisariScore", 6);
    form.put("clientView", "Haluaa töihin");
    form.put("healthPlan", "Liikuntaa ja uniongelmien hoito");
    // The nurse completes the check in Tasklist, logged in: she becomes the onward referrals' worker.
    identityService.setAuthentication("terveydenhoitaja", List.of("health-check-nurse"));
    try {
      Tasklist.complete(task(TASK_HEALTH_CHECK), form);
    } finally {
      identityService.clearAuthentication();
    }
    execute(job(TASK_HEALTH_CHECK));
    execute(job(TASK_NOTIFY_EMPLOYMENT_SERVICES));
  }

  /** Completes the user task through its form as Tasklist would, then runs its save point (asyncAfter). */
  /**
   * The client did not come. The form still requires the twelve WHODAS answers (they are not hidden
   * with the findings), so the nurse has to fill them in before "Valmis" submits.
   */
  private void missedCheck(ProcessInstance check) {
    assertThat(check).isWaitingAt(TASK_HEALTH_CHECK);
    Map<String, Object> form = new HashMap<>();
    form.put(ATTENDED, false);
    for (int item = 1; item <= 12; item++) {
      form.put("whodas" + item, 0);
    }
    finish(TASK_HEALTH_CHECK, form);
  }

  private void finish(String taskId, Map<String, Object> entered) {
    Tasklist.complete(task(taskId), entered);
    execute(job(taskId));
  }

  private List<String> templates(String caseNumber) {
    return jdbc.queryForList("select template from mail_outbox where case_number = ? and process_instance_id in"
        + " (select id_ from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?) order by id",
        String.class, caseNumber, caseNumber, PROCESS_KEY);
  }

  private String caseNumberOf(ProcessInstance instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey();
  }
}
