package fi.polku.handover;

import fi.polku.calendar.WorkingDays;
import static fi.polku.handover.OhHandoverModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static fi.polku.support.Tasklist.entries;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentService;
import fi.polku.support.TakenFlows;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Path 3 on the real delegates, screening decision, consent register and outbox: every end state,
 * consent withdrawn before and after the job loss, the grace-period timer, and the referral onwards
 * that starts path 1 for the same case.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, TakenFlows.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class OhHandoverProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ConsentService consents;
  @Autowired HandoverService handovers;
  @Autowired HandoverTimes handoverTimes;
  @Autowired JdbcTemplate jdbc;
  @Autowired fi.polku.onward.OnwardReferrals onwardReferrals;
  @Autowired HandoverIntake intake;

  @BeforeEach
  void useTheSpringEngine() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void reset() {
    BpmnAwareTests.reset();
  }

  /** The class drives every sequence flow of oh-handover (100 % flow coverage). */
  @AfterAll
  static void everyFlowOfTheModelWasTaken() {
    assertThat(TakenFlows.notTaken(PROCESS_KEY)).as("sequence flows of oh-handover no test took").isEmpty();
  }

  @Test
  void aClientUnderChangeSecurityIsNotInTheTargetGroup() {
    ProcessInstance handover = start(true);

    assertThat(handover).isEnded().hasPassed(END_NOT_IN_TARGET_GROUP).hasNotPassed(TASK_EXTENDED_HEALTH_CHECK);
    assertThat(jdbc.queryForObject("select in_target_group from handover where case_number = ?", Boolean.class,
        caseNumberOf(handover))).isFalse();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProvidersSystemAndTheStartFormGoThroughOneIntakeAndLeaveTheSameRowsAndProcessState() {
    ProcessInstance byForm = start(false);
    String byApi = intake.request(new HandoverRequest(TestReferrals.randomTestCode(), "Testi Asiakas",
        "asiakas@polku.invalid", null, "Jyväskylä", "Työterveys Esimerkki Oy", "Esimerkkitehdas Oy",
        LocalDate.now(WorkingDays.FINLAND).plusMonths(1), false, true, true, null), "tyoterveys");

    Map<String, Object> formState = HandoverCaseState.of(jdbc, runtimeService, caseNumberOf(byForm));
    assertThat(HandoverCaseState.of(jdbc, runtimeService, byApi)).isEqualTo(formState);
    assertThat(formState.get("waitingAt")).isEqualTo(List.of(TASK_EXTENDED_HEALTH_CHECK));
    assertThat((Map<String, Object>) formState.get("handover")).containsEntry("in_target_group", true)
        .containsEntry("started_by", "tyoterveys");
    assertThat(((Map<String, Object>) formState.get("variables")).keySet()).as("no personal data and no form fields left")
        .containsExactlyInAnyOrder(STARTED_BY, EMPLOYMENT_END_DATE, CHANGE_SECURITY, PARTIAL_WORK_ABILITY,
            THREAT_OF_UNEMPLOYMENT, IN_TARGET_GROUP, SCREENING_REASON);
    assertThat(byForm).hasPassed(START_FORM, TASK_REGISTER_HANDOVER, TASK_SCREEN).hasNotPassed(START_REQUESTED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(byApi).singleResult())
        .hasPassed(START_REQUESTED, TASK_SCREEN).hasNotPassed(START_FORM, TASK_REGISTER_HANDOVER);
  }

  @Test
  void theIntakeRefusesARequestWithAnInvalidIdentityCodeBeforeAnythingIsStored() {
    int cases = jdbc.queryForObject("select count(*) from client_case", Integer.class);
    String valid = TestReferrals.randomTestCode();
    String invalid = valid.substring(0, 10) + (valid.charAt(10) == 'A' ? 'B' : 'A');
    HandoverRequest request = new HandoverRequest(invalid, "Testi Asiakas", null, null, "Jyväskylä",
        "Työterveys Esimerkki Oy", "Esimerkkitehdas Oy", LocalDate.now(WorkingDays.FINLAND).plusMonths(1), false, true,
        true, null);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.request(request, "oh-system"))
        .isInstanceOf(fi.polku.cases.InvalidIdentityCodeException.class).hasMessageNotContaining(invalid.substring(0, 6));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.request(new HandoverRequest(
            TestReferrals.randomTestCode(), "Testi Asiakas", null, null, "Jyväskylä", "Työterveys Esimerkki Oy", " ",
            LocalDate.now(WorkingDays.FINLAND).plusMonths(1), false, true, true, null), "oh-system"))
        .isInstanceOf(fi.polku.api.InvalidParameterException.class).hasMessage("required");
    assertThat(jdbc.queryForObject("select count(*) from client_case", Integer.class)).isEqualTo(cases);
  }

  @Test
  void aConsentedHandOverReachesTheCoordinatorAtOnceAndStartsTheReferralToTheTeam() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, true);
    consent(handover, true);
    assertThat(task(TASK_SEND_REHABILITATION_NOTICE)).hasCandidateGroup("oh-professional");
    assertThat(runtimeService.getVariable(handover.getId(), "rehabilitationLetter").toString())
        .contains(caseNumber).contains("kuntoutuksen tarve");
    sendNotice(handover, "kela-vocational-rehabilitation", true);

    jobLoss(caseNumber);
    execute(job(TASK_NOTIFY_COORDINATORS));

    assertThat(task(TASK_TAKE_OVER)).hasCandidateGroup("te-coordinator");
    assertThat(task(TASK_TAKE_OVER).getDueDate()).isNotNull();
    assertThat(runtimeService.getVariable(handover.getId(), "handoverSummary").toString())
        .contains("Esimerkkitehdas Oy").contains("Laajennettu terveystarkastus tehty: kyllä");
    finish(TASK_TAKE_OVER, entries("clientContacted", true, "caseManager", "koordinaattori",
        FOLLOW_ON_PATH, "sote-team", "soteConsentGiven", true, "clientExperience", 9));
    execute(job(TASK_START_REFERRAL));

    assertThat(handover).isEnded().hasPassed(END_HANDED_OVER);
    ProcessInstance referral = runtimeService.createProcessInstanceQuery().processDefinitionKey("te-referral")
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(referral).as("te-referral for the same case").isNotNull();
    assertThat(jdbc.queryForList("select payer from handover_billing where case_number = ? order by part", String.class,
        caseNumber)).containsExactly("programme", "employer");
    assertThat(templates(caseNumber)).contains("handover-guidance", "staff-task-notice");
    assertThat(jdbc.queryForObject("select follow_on_path from handover where case_number = ?", String.class, caseNumber))
        .isEqualTo("sote-team");
  }

  @Test
  void withAHealthConsentTheSummaryCarriesTheExtendedChecksFindingsRehabilitationNeedAndHealthPlan() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, true);
    consent(handover, true, true);
    sendNotice(handover, "kela-rehabilitation-need-assessment", true);

    jobLoss(caseNumber);

    assertThat(runtimeService.getVariable(handover.getId(), "handoverSummary").toString())
        .contains("Laajennetun terveystarkastuksen havainnot: Selkävaivat rajoittavat raskasta työtä")
        .contains("Kuntoutustarve: kyllä").contains("Terveyssuunnitelma: Fysioterapia ja kevyempi työ");
    assertThat(consents.checks(caseNumber, 10)).anyMatch(check -> check.scope() == fi.polku.consent.ConsentScope.HEALTH
        && check.allowed());
  }

  @Test
  void theRehabilitationNeedGoesToThePensionProviderAsAnOnwardReferralAfterTheConsentQuestionWithTheRightsWarning() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, true);
    assertThat(handover).isWaitingAt(TASK_ASK_CONSENT).hasNotPassed("Task_DraftRehabilitationLetter");
    consent(handover, true);

    LocalDate ends = LocalDate.now(WorkingDays.FINLAND).plusMonths(1);
    assertThat(runtimeService.getVariable(handover.getId(), PENSION_RIGHT_LAPSES_ON)).isEqualTo(ends.plusYears(3).toString());
    String warning = (String) runtimeService.getVariable(handover.getId(), PENSION_RIGHT_WARNING);
    assertThat(warning).contains("yli 3 vuotta").contains(java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy")
        .format(ends.plusYears(3))).doesNotContain("VAROITUS");
    assertThat(fi.polku.support.FormConditions.hidden("oh-handover-rehabilitation-notice", PENSION_RIGHT_WARNING,
        runtimeService.getVariables(handover.getId()))).as("the warning shows where the receiver is chosen").isFalse();
    sendNotice(handover, "pension-vocational-rehabilitation", true);

    assertThat(onwardReferrals.ofCase(caseNumber)).singleElement().satisfies(referral -> {
      assertThat(referral.service()).isEqualTo(fi.polku.onward.OnwardService.PENSION_VOCATIONAL_REHABILITATION);
      assertThat(referral.receivingAgency()).isEqualTo(Agency.PENSION);
      assertThat(referral.sendingAgency()).isEqualTo(Agency.OH);
      assertThat(referral.responsibleGroup()).isEqualTo("oh-professional");
      assertThat(referral.responsibleWorker()).isEqualTo("tyoterveys");
      assertThat(referral.contentScope()).isEqualTo(fi.polku.consent.ConsentScope.HEALTH);
      assertThat(referral.sentByPath()).isEqualTo(PROCESS_KEY);
      assertThat(referral.reason()).startsWith("Ilmoitus kuntoutustarpeesta").contains(warning);
    });
    checkOnwardConsents(caseNumber);
    assertThat(onwardReferrals.ofCase(caseNumber).get(0).consentAtCrossing()).as("the client's consent let it across")
        .isTrue();
    assertThat(onwardReferrals.ofCase(caseNumber).get(0).sentAt()).isNotNull();
    assertThat(consents.allows(caseNumber, Agency.PENSION, Agency.OH, fi.polku.consent.ConsentScope.HEALTH, "test",
        "the receiver's feedback may return")).isTrue();
  }

  @Test
  void withoutTheClientsConsentToKelaTheNoticeDoesNotCrossAndTheProfessionalIsAsked() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, true);
    consent(handover, false);
    sendNotice(handover, "kela-rehabilitation-need-assessment", false);

    checkOnwardConsents(caseNumber);
    assertThat(onwardReferrals.ofCase(caseNumber)).singleElement().satisfies(referral -> {
      assertThat(referral.service()).isEqualTo(fi.polku.onward.OnwardService.KELA_REHABILITATION_NEED_ASSESSMENT);
      assertThat(referral.consentAtCrossing()).isFalse();
      assertThat(referral.sentAt()).as("nothing crossed to Kela").isNull();
    });
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ObtainConsent").taskCandidateGroup("oh-professional").includeAssignedTasks().count())
        .as("the professional is asked for the consent or to give the notice to the client").isOne();
    assertThat(handover).isWaitingAt("Gateway_WaitForJobLoss");
  }

  @Test
  void withoutAHealthConsentTheSummaryCarriesNoFindings() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, false);
    consent(handover, true, false);

    jobLoss(caseNumber);

    assertThat(runtimeService.getVariable(handover.getId(), "handoverSummary").toString())
        .doesNotContain("Selkävaivat").doesNotContain("Fysioterapia")
        .contains("Terveystarkastuksen havainnot eivät siirry");
  }

  @Test
  void aScreeningQuestionLeftUnansweredIsNotCountedAsNo() {
    for (String question : List.of("changeSecurity", "partialWorkAbility", "threatOfUnemployment")) {
      com.fasterxml.jackson.databind.JsonNode field = fi.polku.support.FormConditions.component("oh-handover-start", question);
      assertThat(field.get("type").asText()).as(question).isEqualTo("radio");
      assertThat(field.path("validate").path("required").asBoolean()).as(question + " required").isTrue();
      assertThat(field.get("values").findValues("value")).extracting(com.fasterxml.jackson.databind.JsonNode::asBoolean)
          .containsExactly(true, false);
    }
  }

  @Test
  void aTakeOverPastItsDueDateTellsTheTeamLeadWithoutStoppingThePath() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, false);
    consent(handover, true);
    jobLoss(caseNumber);
    execute(job(TASK_NOTIFY_COORDINATORS));

    org.camunda.bpm.engine.runtime.Job due = job(TIMER_TAKE_OVER_DUE);
    assertThat(due.getDuedate()).as("the timer fires at the task's due date")
        .isCloseTo(task(TASK_TAKE_OVER).getDueDate(), 1000);
    execute(due);
    execute(job(TASK_NOTIFY_TEAM_LEAD));

    assertThat(handover).isWaitingAt(TASK_TAKE_OVER, TASK_ESCALATE_TAKE_OVER);
    assertThat(task(TASK_ESCALATE_TAKE_OVER)).hasCandidateGroup("team-lead");
    assertThat(jdbc.queryForList("select recipient from mail_outbox where case_number = ? and activity_id = ?",
        String.class, caseNumber, TASK_NOTIFY_TEAM_LEAD)).containsExactly("esihenkilo@polku.invalid");
    finish(TASK_ESCALATE_TAKE_OVER, entries("escalationNote", "Koordinaattori soittaa asiakkaalle tänään."));
    assertThat(handover).hasPassed(END_TAKE_OVER_ESCALATION_HANDLED).isWaitingAt(TASK_TAKE_OVER);
  }

  @Test
  void anOpenTakeOverEscalationEndsWithTheHandOver() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, false);
    consent(handover, true);
    jobLoss(caseNumber);
    execute(job(TASK_NOTIFY_COORDINATORS));
    execute(job(TIMER_TAKE_OVER_DUE));
    execute(job(TASK_NOTIFY_TEAM_LEAD));

    finish(TASK_TAKE_OVER, entries("clientContacted", true, "caseManager", "koordinaattori",
        FOLLOW_ON_PATH, "work", "clientExperience", 8));

    assertThat(handover).isEnded().hasPassed(END_HANDED_OVER).hasNotPassed(END_TAKE_OVER_ESCALATION_HANDLED);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(handover.getId()).count()).isZero();
  }

  @Test
  void aCorrectedEndOfEmploymentMovesTheWaitSoALongerNoticeDoesNotCloseTheCaseAsEmploymentContinued() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, false);
    consent(handover, true);
    LocalDate longerNotice = LocalDate.now(WorkingDays.FINLAND).plusMonths(4);

    runtimeService.createMessageCorrelation(MESSAGE_END_DATE_CORRECTED).processInstanceBusinessKey(caseNumber)
        .setVariable(EMPLOYMENT_END_DATE, longerNotice.toString()).correlate();

    assertThat(handover).hasPassed("Task_RecordNewEndDate").isWaitingAt("Gateway_WaitForJobLoss");
    assertThat(job("Timer_GracePeriod").getDuedate()).as("the wait runs from the new date")
        .isEqualTo(handoverTimes.graceEnd(longerNotice.toString()));
    assertThat(jdbc.queryForObject("select employment_end_date from handover where case_number = ?", LocalDate.class,
        caseNumber)).isEqualTo(longerNotice);
    jobLoss(caseNumber);
    assertThat(handover).hasNotPassed(END_EMPLOYMENT_CONTINUED).isWaitingAt(TASK_NOTIFY_COORDINATORS);
  }

  @Test
  void anotherFollowOnPathEndsTheHandOverWithoutAReferral() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, false);
    consent(handover, true);
    jobLoss(caseNumber);
    execute(job(TASK_NOTIFY_COORDINATORS));

    finish(TASK_TAKE_OVER, entries("clientContacted", true, "caseManager", "koordinaattori",
        FOLLOW_ON_PATH, "education", "clientExperience", 8));

    assertThat(handover).isEnded().hasPassed(END_HANDED_OVER).hasNotPassed(TASK_START_REFERRAL);
  }

  @Test
  void withoutConsentTheClientGetsOnlyTheGuidance() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, false);
    consent(handover, false);

    jobLoss(caseNumber);

    assertThat(handover).isEnded().hasPassed(END_GUIDANCE_ONLY).hasNotPassed(TASK_TAKE_OVER);
    assertThat(templates(caseNumber)).containsExactly("handover-guidance");
  }

  @Test
  void aConsentWithdrawnBeforeTheJobLossStopsTheHandOver() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, false);
    consent(handover, true);
    consents.list(caseNumber).forEach(given -> consents.withdraw(caseNumber, given.id(), "tyoterveys"));

    jobLoss(caseNumber);

    assertThat(handover).isEnded().hasPassed(END_GUIDANCE_ONLY).hasNotPassed(TASK_TAKE_OVER);
  }

  @Test
  void aConsentWithdrawnAfterTheJobLossStopsTheReferralOnwards() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);
    healthCheck(handover, false);
    consent(handover, true);
    jobLoss(caseNumber);
    execute(job(TASK_NOTIFY_COORDINATORS));
    consents.list(caseNumber).stream().filter(given -> given.fromAgency() == Agency.OH)
        .forEach(given -> consents.withdraw(caseNumber, given.id(), "koordinaattori"));

    finish(TASK_TAKE_OVER, entries("clientContacted", true, "caseManager", "koordinaattori",
        FOLLOW_ON_PATH, "sote-team", "soteConsentGiven", true, "clientExperience", 7));
    execute(job(TASK_START_REFERRAL));

    assertThat(handover).isEnded().hasPassed(END_HANDED_OVER);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("te-referral")
        .processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  @Test
  void noJobLossByTheEndDateAndGracePeriodEndsAsEmploymentContinued() {
    ProcessInstance handover = start(false);
    healthCheck(handover, false);
    consent(handover, true);

    Job grace = managementService.createJobQuery().processInstanceId(handover.getId()).timers().singleResult();
    LocalDate endDate = LocalDate.now(WorkingDays.FINLAND).plusMonths(1);
    assertThat(grace.getDuedate().toInstant())
        .isEqualTo(endDate.plusDays(15).atStartOfDay(ZoneId.of("Europe/Helsinki")).toInstant());
    execute(grace);

    assertThat(handover).isEnded().hasPassed(END_EMPLOYMENT_CONTINUED).hasNotPassed(TASK_SEND_GUIDANCE);
  }

  @Test
  void aRepeatedJobLossReportIsHarmless() {
    ProcessInstance handover = start(false);
    String caseNumber = caseNumberOf(handover);

    assertThat(handovers.recordJobLoss(caseNumber, "te-system")).isEqualTo(HandoverService.JobLoss.RECORDED);
    assertThat(handovers.recordJobLoss(caseNumber, "oh-system")).isEqualTo(HandoverService.JobLoss.ALREADY_REPORTED);
    assertThat(jdbc.queryForObject("select job_loss_reported_by from handover where case_number = ?", String.class,
        caseNumber)).isEqualTo("te-system");
  }

  // --- the steps, as Tasklist and the API would do them ---

  private ProcessInstance start(boolean changeSecurity) {
    Map<String, Object> form = new HashMap<>();
    form.put("identityCode", TestReferrals.randomTestCode());
    form.put("clientName", "Testi Asiakas");
    form.put("clientEmail", "asiakas@polku.invalid");
    form.put("municipality", "Jyväskylä");
    form.put("providerName", "Työterveys Esimerkki Oy");
    form.put("employerName", "Esimerkkitehdas Oy");
    form.put(EMPLOYMENT_END_DATE, LocalDate.now(WorkingDays.FINLAND).plusMonths(1));
    form.put("changeSecurity", changeSecurity);
    form.put("partialWorkAbility", true);
    form.put("threatOfUnemployment", true);
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult().getId();
    identityService.setAuthentication("tyoterveys", List.of("oh-professional"));
    try {
      return Tasklist.start(engine, definitionId, form);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void healthCheck(ProcessInstance handover, boolean rehabilitationNeed) {
    assertThat(handover).isWaitingAt(TASK_EXTENDED_HEALTH_CHECK);
    assertThat(task()).hasCandidateGroup("oh-professional");
    finish(TASK_EXTENDED_HEALTH_CHECK, entries("statutoryDone", true, "statutoryMinutes", 45,
        "pilotDone", true, "pilotMinutes", 90, REHABILITATION_NEED, rehabilitationNeed,
        "findings", "Selkävaivat rajoittavat raskasta työtä", "healthPlanMade", true,
        "healthPlan", "Fysioterapia ja kevyempi työ"));
  }

  private void consent(ProcessInstance handover, boolean given) {
    consent(handover, given, false);
  }

  private void consent(ProcessInstance handover, boolean given, boolean health) {
    assertThat(handover).isWaitingAt(TASK_ASK_CONSENT);
    Map<String, Object> form = new HashMap<>();
    form.put("consentGiven", given);
    if (given) {
      form.put("consentIncludesHealth", health);
      form.put("consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1));
    }
    finish(TASK_ASK_CONSENT, form);
    // A rehabilitation need is sent on only after the consent question.
    assertThat(handover).isWaitingAt(Boolean.TRUE.equals(runtimeService.getVariable(handover.getId(), REHABILITATION_NEED))
        ? TASK_SEND_REHABILITATION_NOTICE : "Gateway_WaitForJobLoss");
  }

  /** The professional, logged in, chooses the notice's receiver and records the client's consent to it. */
  private void sendNotice(ProcessInstance handover, String service, boolean clientConsents) {
    assertThat(handover).isWaitingAt(TASK_SEND_REHABILITATION_NOTICE);
    Map<String, Object> form = new HashMap<>();
    form.put(REHABILITATION_SERVICE, service);
    form.put(REHABILITATION_CONSENT_GIVEN, clientConsents);
    if (clientConsents) {
      form.put("rehabilitationConsentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1));
    }
    identityService.setAuthentication("tyoterveys", List.of("oh-professional"));
    try {
      Tasklist.complete(task(TASK_SEND_REHABILITATION_NOTICE), form);
    } finally {
      identityService.clearAuthentication();
    }
    execute(job(TASK_SEND_REHABILITATION_NOTICE));
    assertThat(handover).isWaitingAt(TASK_REFER_REHABILITATION);
    execute(job(TASK_REFER_REHABILITATION));
    assertThat(handover).isWaitingAt("Gateway_WaitForJobLoss");
  }

  /** Runs each onward referral's consent check at the crossing (its save point). */
  private void checkOnwardConsents(String caseNumber) {
    for (ProcessInstance onward : runtimeService.createProcessInstanceQuery().processDefinitionKey("onward-referral")
        .processInstanceBusinessKey(caseNumber).list()) {
      for (org.camunda.bpm.engine.runtime.Job crossing : managementService.createJobQuery().processInstanceId(onward.getId())
          .activityId("Task_CheckConsentAtCrossing").list()) {
        managementService.executeJob(crossing.getId());
      }
    }
  }

  private void jobLoss(String caseNumber) {
    runtimeService.createMessageCorrelation(MESSAGE_JOB_LOSS).processInstanceBusinessKey(caseNumber).correlate();
    execute(job(TASK_SEND_GUIDANCE));
  }

  /** Completes the user task through its form as Tasklist would, then runs its save point (asyncAfter). */
  private void finish(String taskId, Map<String, Object> entered) {
    Tasklist.complete(task(taskId), entered);
    execute(job(taskId));
  }

  private List<String> templates(String caseNumber) {
    return jdbc.queryForList("select template from mail_outbox where case_number = ? and process_instance_id in"
        + " (select id_ from act_hi_procinst where business_key_ = ? and proc_def_key_ = 'oh-handover') order by id",
        String.class, caseNumber, caseNumber);
  }

  private String caseNumberOf(ProcessInstance instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey();
  }
}
