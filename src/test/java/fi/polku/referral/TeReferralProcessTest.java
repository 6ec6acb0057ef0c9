package fi.polku.referral;

import fi.polku.calendar.WorkingDays;
import static fi.polku.referral.TeReferralModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static fi.polku.support.Tasklist.entries;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.NewCase;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import fi.polku.onward.OnwardReferral;
import fi.polku.onward.OnwardReferralModel;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.onward.OnwardStatus;
import fi.polku.support.FormConditions;
import fi.polku.support.TakenFlows;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * Path 1 end to end on the real delegates, decisions, consent register and outbox: every end
 * state, every timer and the consent withdrawn after the mapping. Flow coverage is written to
 * target/process-test-coverage.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, TakenFlows.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class TeReferralProcessTest {


  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ConsentService consents;
  @Autowired ReferralService referrals;
  @Autowired ReferralIntake intake;
  @Autowired OnwardReferrals onwardReferrals;
  @Autowired ClientCaseService cases;
  @Autowired JdbcTemplate jdbc;

  private static final ReferralCriteria PARTIAL_WORK_ABILITY_ONLY = ReferralCriteria.only(List.of("partialWorkAbility"));

  @BeforeEach
  void useTheSpringEngine() {
    BpmnAwareTests.init(engine);
  }

  /** The class drives every sequence flow of te-referral (100 % flow coverage). */
  @AfterAll
  static void everyFlowOfTheModelWasTaken() {
    assertThat(TakenFlows.notTaken(PROCESS_KEY)).as("sequence flows of te-referral no test took").isEmpty();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void aReferralIsTriagedMappedPlannedAndFollowedUpToItsEnd() {
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);

    assertThat(referral).isWaitingAt(TASK_CONFIRM_TRIAGE).hasBusinessKey(caseNumber);
    assertThat(task()).hasCandidateGroup("sote-counsellor");
    assertThat(referral).variables().containsEntry(TRIAGE_PROPOSAL, "team-appointment")
        .doesNotContainKeys("identityCode", "clientName", "clientEmail", "clientPhone");
    confirmTriage(referral, "team-appointment", 1, false);

    book(referral);
    attend(referral);
    assertThat(referral).isWaitingAt(TIMER_FOLLOW_UP_3, "Task_SendPlanNotice");
    execute(job("Task_SendPlanNotice"));
    assertThat(task(TASK_REVIEW_PLAN)).hasCandidateGroup("te-coordinator");
    finish(TASK_REVIEW_PLAN, entries("planReviewed", true));
    followUp(referral);

    assertThat(referral).isEnded().hasPassed(END_PLAN_DELIVERED);
    assertThat(statuses(caseNumber)).containsExactly(
        "requested", "received", "accepted", "in-progress", "in-progress", "completed");
    assertThat(jdbc.queryForList("select template from mail_outbox where case_number = ? order by id", String.class, caseNumber))
        .containsExactly("staff-task-notice", "referral-invitation", "referral-reminder", "case-manager",
            "referrer-status-notice", "referrer-status-notice");
    assertThat(jdbc.queryForList("select outcome from referral_outcome r join referral f on f.id = r.referral_id"
        + " where f.case_number = ? order by months", String.class, caseNumber)).containsExactly("still-unemployed", "employed");
    assertThat(jdbc.queryForObject("select follow_on_paths from referral_mapping m join referral f on f.id = m.referral_id"
        + " where f.case_number = ?", String.class, caseNumber)).isEqualTo("vocational-rehabilitation,supported-employment");
    // The follow-on path with a receiver became one onward referral to the job coaches (issue 15);
    // vocational rehabilitation has none (Kela or the pension provider is the team's choice).
    assertThat(jdbc.queryForList("select service from onward_referral where case_number = ?", String.class, caseNumber))
        .containsExactly("supported-employment-ips");
    assertThat(jdbc.queryForObject("select responsible_group from onward_referral where case_number = ?", String.class,
        caseNumber)).isEqualTo("work-ability-team");
  }

  @Test
  void aReferralSentByAnotherPathStartsForTheSameCase() {
    String caseNumber = cases.openCase(new NewCase(PersonalIdentityCode.parse(TestReferrals.randomTestCode()), null,
        null, null, "Vaasa", Agency.OH, "tyoterveys")).caseNumber();
    for (ConsentScope scope : List.of(ConsentScope.STATUS, ConsentScope.PLAN)) {
      consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, scope, LocalDate.now(WorkingDays.FINLAND), LocalDate.now(WorkingDays.FINLAND).plusYears(1)), "test");
    }

    ProcessInstance referral = requestFromPath(caseNumber, new ReferralRequest(PARTIAL_WORK_ABILITY_ONLY,
        "Työterveyshuollon siirto", "Työkyvyn tuen kartoitus", "koordinaattori", "oh-handover", Agency.TE,
        ReferralRequest.Referrer.TE_COORDINATOR, Map.of()));

    assertThat(referral).hasBusinessKey(caseNumber).hasPassed(START_REQUESTED).hasNotPassed(TASK_REGISTER_REFERRAL)
        .isWaitingAt("Task_NotifyCounsellors");
    assertThat(statuses(caseNumber)).containsExactly("requested", "received");
  }

  @Test
  void withoutConsentTheReferralGoesBackToTheReferrer() {
    ProcessInstance referral = refer(false);

    assertThat(referral).isWaitingAt("Task_ReturnNoConsent");
    execute(job());

    assertThat(referral).isEnded().hasPassed(END_RETURNED_NO_CONSENT).hasNotPassed("Task_ProposeTriage");
    assertThat(statuses(caseNumberOf(referral))).containsExactly("requested", "rejected");
  }

  @Test
  void aClientNotForTheTeamIsReturnedWithGuidance() {
    ProcessInstance referral = refer(true);
    confirmTriage(referral, "not-for-team", 0, false);

    execute(job());

    assertThat(referral).isEnded().hasPassed(END_RETURNED_NOT_FOR_TEAM);
    assertThat(statuses(caseNumberOf(referral))).endsWith("rejected");
  }

  @Test
  void aRedFlagRefersTheClientToSpecialistCareAndAfterItsReturnTheCounsellorSendsThemToTheTeam() {
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);
    consentBothWays(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.HEALTH);
    confirmTriage(referral, "team-appointment", 4, false);

    execute(job(TASK_NOTIFY_SPECIALIST_CARE));

    // The path no longer ends: it waits for specialist care while the sote centre stays responsible.
    assertThat(referral).isWaitingAt(EVENT_SPECIALIST_CARE_CLOSED).hasNotPassed(TASK_BOOK_APPOINTMENT);
    assertThat(referral).variables().containsEntry(WHODAS_FLAG, "red");
    OnwardReferral onward = specialistCareReferral(referral);
    assertThat(onward.service()).isEqualTo(OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT);
    assertThat(onward.sendingAgency()).isEqualTo(Agency.SOTE);
    assertThat(onward.responsibleGroup()).isEqualTo("sote-counsellor");
    assertThat(onward.contentScope()).isEqualTo(ConsentScope.HEALTH);
    assertThat(onward.sentByPath()).isEqualTo(PROCESS_KEY);
    assertThat(referrals.status(referralIdOf(referral))).isEqualTo(ReferralStatus.RECEIVED);
    assertThat(referrals.history(caseNumber).get(referrals.history(caseNumber).size() - 1).reason())
        .startsWith("Asiakas ohjattiin erikoissairaanhoidon moniammatilliseen arvioon.");

    runOnwardJobs(caseNumber);
    specialistCareAcceptsAndCompletes(caseNumber, "Moniammatillinen arvio: työkyky riittää osa-aikatyöhön tuettuna");
    assertThat(referral).isWaitingAt(EVENT_SPECIALIST_CARE_CLOSED);
    // The sender reviews the feedback in the onward referral; then the path goes on.
    Tasklist.complete(onwardTask(caseNumber, OnwardReferralModel.TASK_REVIEW_FEEDBACK), "feedbackReviewed", true);

    assertThat(referral).isWaitingAt(TASK_DECIDE_AFTER_SPECIALIST_CARE);
    assertThat(task(TASK_DECIDE_AFTER_SPECIALIST_CARE)).hasCandidateGroup("sote-counsellor");
    Map<String, Object> shown = formService.getTaskFormVariables(task(TASK_DECIDE_AFTER_SPECIALIST_CARE).getId());
    assertThat(shown).containsEntry("specialistCareFeedback", "Moniammatillinen arvio: työkyky riittää osa-aikatyöhön tuettuna")
        .containsEntry("specialistCareServiceName", "Erikoissairaanhoito: moniammatillinen arvio")
        .containsEntry("specialistCareStatusName", "Palvelu päättynyt, palaute annettu");
    // The feedback is the task's own: it never becomes a variable of the referral the referrer reads.
    assertThat(runtimeService.getVariables(referral.getId())).doesNotContainKey("specialistCareFeedback");

    finish(TASK_DECIDE_AFTER_SPECIALIST_CARE, entries(AFTER_SPECIALIST_CARE, "team"));
    book(referral);
    attend(referral);
    assertThat(jdbc.queryForObject("select whodas_flag from referral_mapping m join referral f on f.id = m.referral_id"
        + " where f.case_number = ?", String.class, caseNumber)).isEqualTo("red");
  }

  @Test
  void withoutConsentBackTheCounsellorSeesOnlyThatSpecialistCareEndedAndMayCloseTheReferral() {
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);
    give(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.HEALTH);
    confirmTriage(referral, "team-appointment", 4, false);
    execute(job(TASK_NOTIFY_SPECIALIST_CARE));
    runOnwardJobs(caseNumber);
    specialistCareAcceptsAndCompletes(caseNumber, "Hoito jatkuu psykiatrian poliklinikalla");
    Tasklist.complete(onwardTask(caseNumber, OnwardReferralModel.TASK_REVIEW_FEEDBACK), "feedbackReviewed", true);

    assertThat(formService.getTaskFormVariables(task(TASK_DECIDE_AFTER_SPECIALIST_CARE).getId()))
        .containsEntry("specialistCareFeedback", SpecialistCareReturnListener.FEEDBACK_WITHHELD);
    finish(TASK_DECIDE_AFTER_SPECIALIST_CARE, entries(AFTER_SPECIALIST_CARE, "close",
        SPECIALIST_CARE_CLOSE_REASON, "treatment-continues", "specialistCareCloseNote", "Hoitosuhde jatkuu"));
    execute(job("Task_NotifyClosedAfterSpecialistCare"));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_AFTER_SPECIALIST_CARE).hasNotPassed(TASK_BOOK_APPOINTMENT);
    assertThat(referrals.status(referralIdOf(referral))).isEqualTo(ReferralStatus.COMPLETED);
    assertThat(referrals.history(caseNumber).get(referrals.history(caseNumber).size() - 1).reason())
        .isEqualTo("Erikoissairaanhoito palautti asiakkaan sote-keskukseen, ja lähete suljettiin: asiakkaan hoito jatkuu"
            + " erikoissairaanhoidossa.");
  }

  @Test
  void specialistCareRejectsAndTheCounsellorClosesTheOnwardReferralSoTheReferralEndsWithoutReturn() {
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);
    give(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.HEALTH);
    confirmTriage(referral, "team-appointment", 4, false);
    execute(job(TASK_NOTIFY_SPECIALIST_CARE));
    runOnwardJobs(caseNumber);

    Tasklist.complete(onwardTask(caseNumber, OnwardReferralModel.TASK_RECEIVE), "answer", "reject",
        "rejectionReason", "Ei erikoissairaanhoidon kriteerejä");
    assertThat(referral).isWaitingAt(EVENT_SPECIALIST_CARE_CLOSED);
    Tasklist.complete(onwardTask(caseNumber, OnwardReferralModel.TASK_DECIDE_NEXT), "onwardDecision", "close",
        "closeReason", "Perusterveydenhuollon lääkäri arvioi");
    execute(job("Task_NotifySpecialistCareEnded"));

    assertThat(referral).isEnded().hasPassed(END_SPECIALIST_CARE_ENDED).hasNotPassed(TASK_DECIDE_AFTER_SPECIALIST_CARE);
    assertThat(referral).variables().containsEntry(SPECIALIST_CARE_OUTCOME, "closed-with-reason");
    assertThat(referrals.history(caseNumber).get(referrals.history(caseNumber).size() - 1).reason())
        .contains("sulki ohjauksen perustellen");
  }

  @Test
  void anUnansweredReferralSentElsewhereEndsThePathAndTheNewReferralCarriesOn() {
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);
    give(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.HEALTH);
    confirmTriage(referral, "team-appointment", 4, false);
    execute(job(TASK_NOTIFY_SPECIALIST_CARE));
    runOnwardJobs(caseNumber);

    ProcessInstance onward = onwardInstance(caseNumber);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(onward.getId()).timers()
        .activityId(OnwardReferralModel.TIMER_ANSWER_DEADLINE).singleResult().getId());
    runOnwardJobs(caseNumber);
    Tasklist.complete(onwardTask(caseNumber, OnwardReferralModel.TASK_DECIDE_NEXT), "onwardDecision", "send-elsewhere",
        "newReceivingService", "esh-rehabilitation-polyclinic");
    execute(job("Task_NotifySpecialistCareEnded"));

    assertThat(referral).isEnded().hasPassed(END_SPECIALIST_CARE_ENDED);
    assertThat(referral).variables().containsEntry(SPECIALIST_CARE_OUTCOME, "sent-elsewhere");
    assertThat(onwardReferrals.ofCase(caseNumber)).extracting(OnwardReferral::service, OnwardReferral::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT, OnwardStatus.CANCELLED),
            org.assertj.core.groups.Tuple.tuple(OnwardService.ESH_REHABILITATION_POLYCLINIC, OnwardStatus.REQUESTED));
  }

  @Test
  void withoutConsentToSpecialistCareTheReferralGivenToTheClientEndsThePath() {
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);
    confirmTriage(referral, "team-appointment", 4, false);
    execute(job(TASK_NOTIFY_SPECIALIST_CARE));
    runOnwardJobs(caseNumber);

    Tasklist.complete(onwardTask(caseNumber, OnwardReferralModel.TASK_OBTAIN_CONSENT), "consentAction", "give-to-client");
    execute(job("Task_NotifySpecialistCareEnded"));

    assertThat(referral).isEnded().hasPassed(END_SPECIALIST_CARE_ENDED);
    assertThat(referral).variables().containsEntry(SPECIALIST_CARE_OUTCOME, "given-to-client");
  }

  @Test
  void aCancelledSpecialistCareReferralEndsThePath() {
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);
    give(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.HEALTH);
    confirmTriage(referral, "team-appointment", 4, false);
    execute(job(TASK_NOTIFY_SPECIALIST_CARE));
    runOnwardJobs(caseNumber);

    onwardReferrals.cancel(specialistCareReferral(referral).id(), "Asiakas muutti toiselle paikkakunnalle", "palveluohjaaja");
    execute(job("Task_NotifySpecialistCareEnded"));

    assertThat(referral).isEnded().hasPassed(END_SPECIALIST_CARE_ENDED);
    assertThat(referral).variables().containsEntry(SPECIALIST_CARE_OUTCOME, "cancelled");
    assertThat(referrals.status(referralIdOf(referral))).isEqualTo(ReferralStatus.COMPLETED);
  }

  @Test
  void theMappingsFollowOnPathsWithAReceiverBecomeOneOnwardReferralEachAndTheFollowUpShowsWhereTheyStand() {
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);
    confirmTriage(referral, "team-appointment", 1, false);
    book(referral);
    finish(TASK_MAP_WORK_ABILITY, entries(APPOINTMENT_ATTENDED, true, "workAbilityAssessment", "Työkyky osittain alentunut",
        "supportPlan", "Lääkinnällinen kuntoutus ja työkokeilu", FOLLOW_ON_PATHS, List.of("medical-rehabilitation",
            "other-employment-services", "sick-leave", "disability-pension-assessment", "education"), CASE_MANAGER, "tiimi"));

    // One each; two paths to the physician make one referral; education has no receiver and stays a label.
    List<OnwardReferral> onward = onwardReferrals.ofCase(caseNumber);
    assertThat(onward).extracting(OnwardReferral::service).containsExactly(OnwardService.ESH_REHABILITATION_POLYCLINIC,
        OnwardService.EMPLOYMENT_SERVICES, OnwardService.SOTE_PHYSICIAN);
    assertThat(onward).allSatisfy(each -> {
      assertThat(each.responsibleGroup()).isEqualTo("work-ability-team");
      assertThat(each.sentByPath()).isEqualTo(PROCESS_KEY);
    });
    assertThat(onward).extracting(OnwardReferral::contentScope)
        .containsExactly(ConsentScope.HEALTH, ConsentScope.PLAN, ConsentScope.HEALTH);
    runOnwardJobs(caseNumber);
    // The physician is in the same agency: no boundary crossed. Employment services had the referral's
    // consent both ways; specialist care waits for the client's consent.
    Tasklist.complete(engine.getTaskService().createTaskQuery().processDefinitionKey(OnwardReferralModel.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey(OnwardReferralModel.TASK_RECEIVE)
        .processVariableValueEquals(OnwardReferralModel.RECEIVING_SERVICE, "sote-physician").singleResult(),
        "answer", "accept", "firstAppointmentAt", java.time.ZonedDateTime.of(2031, 3, 12, 10, 0, 0, 0, WorkingDays.FINLAND));

    execute(job(TIMER_FOLLOW_UP_3));
    assertThat(formService.getTaskFormVariables(task(TASK_FOLLOW_UP_3).getId()).get(ONWARD_REFERRALS_STATE))
        .isEqualTo("• Erikoissairaanhoito: kuntoutuspoliklinikka: Jatko-ohjaus tehty – ei lähetetty: suostumus puuttuu\n"
            + "• Työllisyyspalvelut: Jatko-ohjaus tehty\n"
            + "• Sote-keskuksen lääkärin vastaanotto: Vastaanottaja otti asiakkaan vastaan (ensimmäinen käynti 12.3.2031)");
    finish(TASK_FOLLOW_UP_3, entries("outcome3", "rehabilitation", "satisfaction3", 7));
    execute(job(TIMER_FOLLOW_UP_6));
    assertThat(formService.getTaskFormVariables(task(TASK_FOLLOW_UP_6).getId()).get(ONWARD_REFERRALS_STATE))
        .asString().contains("Sote-keskuksen lääkärin vastaanotto: Vastaanottaja otti asiakkaan vastaan");
  }

  @Test
  void aClientWhoDeclinesEndsTheReferral() {
    ProcessInstance referral = refer(true);
    confirmTriage(referral, "team-appointment", 1, true);

    execute(job());

    assertThat(referral).isEnded().hasPassed(END_CLIENT_DECLINED);
    assertThat(statuses(caseNumberOf(referral))).endsWith("cancelled");
  }

  @Test
  void aClientWhoDeclinesIsNotAskedWhodasAndNothingIsMeasured() {
    assertThat(FormConditions.hidden("te-referral-triage", "whodas1", Map.of(CLIENT_DECLINED, true)))
        .as("the twelve questions are hidden once the client declines").isTrue();
    assertThat(FormConditions.hidden("te-referral-triage", "whodas1", Map.of(CLIENT_DECLINED, false))).isFalse();
    ProcessInstance referral = refer(true);

    // Answers typed before the client said no are not a measurement.
    confirmTriage(referral, "team-appointment", 2, true);
    execute(job());

    assertThat(referral).isEnded().hasPassed(END_CLIENT_DECLINED);
    assertThat(measurements(caseNumberOf(referral))).as("measurements of a client who declined").isEmpty();
  }

  @Test
  void aRecentWhodasMeasurementIsShownToTheCounsellorInsteadOfTheTwelveQuestions() {
    String caseNumber = caseWithTeToSoteConsent();
    measured(caseNumber, 14, "yellow", Instant.now().minus(20, ChronoUnit.DAYS));
    measured(caseNumber, 30, "red", Instant.now().minus(200, ChronoUnit.DAYS));

    ProcessInstance referral = referByMessage(caseNumber);

    assertThat(referral).variables().containsEntry(WHODAS_RECENT, true).containsEntry(WHODAS_SUM, 14)
        .containsEntry(WHODAS_FLAG, "yellow").containsKey(WHODAS_MEASURED_ON);
    Map<String, Object> shown = runtimeService.getVariables(referral.getId());
    assertThat(FormConditions.hidden("te-referral-triage", "whodas1", shown)).as("the questions are not asked again")
        .isTrue();
    assertThat(FormConditions.hidden("te-referral-triage", "whodasSum", shown)).as("the recent sum is shown").isFalse();
    assertThat(FormConditions.hidden("te-referral-triage", "whodas1", withWhodasRemeasure(shown)))
        .as("the counsellor may still ask again").isFalse();
    finish(TASK_CONFIRM_TRIAGE, entries(TRIAGE_DECISION, "team-appointment", CLIENT_DECLINED, false));

    assertThat(referral).isWaitingAt(TASK_BOOK_APPOINTMENT);
    assertThat(measurements(caseNumber)).as("the recent measurement is not recorded twice").containsExactly(14, 30);
  }

  @Test
  void aNurseReferralWithoutSharingConsentReachesTheSoteTeamAndThePlanReturnsToTheNurses() {
    // A walk-in health-check client who refused sharing with employment services: no consent at all.
    String caseNumber = cases.openCase(new NewCase(PersonalIdentityCode.parse(TestReferrals.randomTestCode()), null,
        null, null, "Vaasa", Agency.SOTE, "terveydenhoitaja")).caseNumber();

    ProcessInstance referral = requestFromPath(caseNumber, new ReferralRequest(PARTIAL_WORK_ABILITY_ONLY,
        "Työttömien terveystarkastus: työkykyyn liittyvä huoli", "Työkyvyn tuen kartoitus terveystarkastuksen jälkeen",
        "terveydenhoitaja", "health-check", Agency.SOTE, ReferralRequest.Referrer.HEALTH_CHECK_NURSE, Map.of()));

    assertThat(referral).isWaitingAt("Task_NotifyCounsellors").hasNotPassed("Task_ReturnNoConsent");
    execute(job("Task_NotifyCounsellors"));
    confirmTriage(referral, "team-appointment", 1, false);
    book(referral);
    attend(referral);
    assertThat(referral).isWaitingAt("Task_SendPlanNotice", TIMER_FOLLOW_UP_3);
    execute(job("Task_SendPlanNotice"));
    assertThat(task(TASK_REVIEW_PLAN_IN_SOTE)).hasCandidateGroup("health-check-nurse");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId())
        .taskCandidateGroup("te-coordinator").count()).as("nothing lands at the TE coordinator").isZero();
    finish(TASK_REVIEW_PLAN_IN_SOTE, entries("planReviewed", true));
    followUp(referral);

    assertThat(referral).isEnded().hasPassed(END_PLAN_DELIVERED).hasNotPassed(TASK_REVIEW_PLAN);
    assertThat(consents.checks(caseNumber, 20)).as("no information crossed to another agency").isEmpty();
  }

  @Test
  void aWhodasMeasurementOlderThanTheSetAgeIsAskedAgain() {
    String caseNumber = caseWithTeToSoteConsent();
    measured(caseNumber, 14, "yellow", Instant.now().minus(100, ChronoUnit.DAYS));

    ProcessInstance referral = referByMessage(caseNumber);

    assertThat(referral).variables().containsEntry(WHODAS_RECENT, false);
    assertThat(FormConditions.hidden("te-referral-triage", "whodas1", runtimeService.getVariables(referral.getId())))
        .isFalse();
  }

  @Test
  void theTeamSeesTheClientsGoalMotivationAndInitialInterviewInTheMappingForm() {
    // As another agency's system refers through the API: only the referral row holds the goal and motivation.
    ReferralIntake.Intake taken = intake.refer(new ReferralIntake.NewClient(
        PersonalIdentityCode.parse(TestReferrals.randomTestCode()), "Testi Asiakas", "asiakas@polku.invalid", null,
        "Vaasa", 14, "Osa-aikatyö kaupan alalla", "moderate",
        new ReferralIntake.Consent(false, LocalDate.now(WorkingDays.FINLAND).plusYears(1)), null),
        new ReferralRequest(PARTIAL_WORK_ABILITY_ONLY, "Osatyökykyisyys", "Mikä tukisi työllistymistä?", "te-system",
            "api", Agency.TE, ReferralRequest.Referrer.TE_COORDINATOR, Map.of()));
    ProcessInstance referral = instanceOf(taken.caseNumber());
    assertThat(referral).isWaitingAt("Task_NotifyCounsellors");
    execute(job("Task_NotifyCounsellors"));
    confirmTriage(referral, "team-appointment", 1, false);
    book(referral);

    Map<String, Object> shown = runtimeService.getVariables(referral.getId());
    assertThat(shown).containsEntry(CLIENT_GOAL, "Osa-aikatyö kaupan alalla").containsEntry(CLIENT_MOTIVATION, "moderate")
        .containsEntry("initialInterviewNotes", "Haluaa osa-aikatyötä, selkä kipeytyy seisoessa.")
        .containsEntry("benefitsAdviceNotes", "Kuntoutusraha ja soviteltu työttömyysetuus.");
    for (String field : List.of(CLIENT_GOAL, CLIENT_MOTIVATION, "initialInterviewNotes", "benefitsAdviceNotes")) {
      assertThat(FormConditions.hidden("te-referral-mapping", field, shown)).as(field + " shown to the team").isFalse();
    }
  }

  @Test
  void theSoteCentresFindingsLeaveTheVariablesBeforeTheReferrerGetsATaskInThePath() {
    ProcessInstance referral = refer(true);
    confirmTriage(referral, "team-appointment", 1, false);
    book(referral);
    runtimeService.setVariable(referral.getId(), HEALTH_CHECK_FINDINGS, "Verenpaine koholla");

    attend(referral);
    execute(job("Task_SendPlanNotice"));

    assertThat(task(TASK_REVIEW_PLAN)).hasCandidateGroup("te-coordinator");
    assertThat(engine.getTaskService().getVariables(task(TASK_REVIEW_PLAN).getId())).containsKey("supportPlan")
        .doesNotContainKeys(HEALTH_CHECK_FINDINGS, "whodas1", "initialInterviewNotes", "benefitsAdviceNotes");
  }

  @Test
  void theInitialInterviewAndBenefitsAdviceHaveContentNotOnlyATick() {
    assertThat(FormConditions.component("te-referral-triage", "initialInterviewNotes").path("validate")
        .path("required").asBoolean()).isTrue();
    assertThat(FormConditions.hidden("te-referral-triage", "initialInterviewNotes", Map.of("initialInterviewDone", true)))
        .isFalse();
    assertThat(FormConditions.hidden("te-referral-triage", "benefitsAdviceNotes", Map.of("benefitsAdviceGiven", true)))
        .isFalse();
  }

  @Test
  void theMappingFormShowsARedFlagOfAClientSpecialistCareReturnedToTheTeam() {
    assertThat(FormConditions.component("te-referral-mapping", WHODAS_FLAG).get("values").findValuesAsText("value"))
        .containsExactly("red", "yellow", "green");
    // A yellow flag reminds the team that the programme sends yellow to the specialist level too.
    assertThat(FormConditions.component("te-referral-mapping", "Text_YellowFlagSpecialistCare").get("conditional")
        .get("hide").asText()).isEqualTo("=whodasFlag != \"yellow\"");
  }

  @Test
  void aMissedAppointmentIsRebookedOnceAndASecondMissClosesTheReferral() {
    ProcessInstance referral = refer(true);
    confirmTriage(referral, "investigations", 1, false);

    book(referral);
    miss(referral);
    assertThat(referral).isWaitingAt(TASK_BOOK_APPOINTMENT);
    assertThat(referral).variables().containsEntry(MISSED_APPOINTMENTS, 1);
    book(referral);
    miss(referral);
    execute(job());

    assertThat(referral).isEnded().hasPassed(END_CLIENT_UNREACHABLE);
    assertThat(statuses(caseNumberOf(referral))).endsWith("cancelled");
    // The rebooked appointment got its own invitation and reminder, each once.
    assertThat(jdbc.queryForList("select template from mail_outbox where case_number = ? and template like 'referral-%'"
        + " order by id", String.class, caseNumberOf(referral))).containsExactly(
            "referral-invitation", "referral-reminder", "referral-invitation", "referral-reminder");
  }

  @Test
  void aClientWhoAsksForANewTimeIsRebookedWithoutItCountingAsAMissedAppointment() {
    assertThat(FormConditions.hidden("te-referral-mapping", RESCHEDULE_REQUESTED, Map.of(APPOINTMENT_ATTENDED, false)))
        .isFalse();
    assertThat(FormConditions.hidden("te-referral-mapping", "workAbilityAssessment", Map.of()))
        .as("nothing is asked before the team says whether the client came").isTrue();
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);
    confirmTriage(referral, "team-appointment", 1, false);

    book(referral);
    finish(TASK_MAP_WORK_ABILITY, entries(APPOINTMENT_ATTENDED, false, RESCHEDULE_REQUESTED, true));
    assertThat(referral).isWaitingAt(TASK_BOOK_APPOINTMENT).hasNotPassed("Task_RecordMissedAppointment");
    book(referral);
    miss(referral);
    assertThat(referral).as("a first real miss is rebooked, not closed").isWaitingAt(TASK_BOOK_APPOINTMENT);
    assertThat(referral).variables().containsEntry(MISSED_APPOINTMENTS, 1).containsEntry(RESCHEDULED_APPOINTMENTS, 1);
    book(referral);
    attend(referral);

    assertThat(referral).isWaitingAt(TIMER_FOLLOW_UP_3, "Task_SendPlanNotice");
    assertThat(jdbc.queryForList("select template from mail_outbox where case_number = ? and template = 'referral-invitation'",
        String.class, caseNumber)).as("every new time gets its invitation").hasSize(3);
  }

  @Test
  void aBookingForInvestigationsGetsItsOwnInvitationAndReturnsToTeamBookingWhenTheResultsAreIn() {
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);
    confirmTriage(referral, "investigations", 1, false);

    finish(TASK_BOOK_APPOINTMENT, entries(APPOINTMENT_KIND, "investigations",
        APPOINTMENT_AT, Instant.now().plus(3, ChronoUnit.DAYS), APPOINTMENT_PLACE, "Laboratorio, Kauppakatu 1"));
    execute(job(TASK_SEND_INVITATION));
    execute(job(TIMER_APPOINTMENT_REMINDER));
    execute(job(TASK_SEND_REMINDER));

    assertThat(referral).isWaitingAt(TASK_RECORD_INVESTIGATION_RESULTS).hasNotPassed(TASK_MAP_WORK_ABILITY);
    assertThat(task(TASK_RECORD_INVESTIGATION_RESULTS)).hasCandidateGroup("sote-counsellor");
    finish(TASK_RECORD_INVESTIGATION_RESULTS, entries("investigationResults", "Lääkärin arvio: selkä, ei este kevyelle työlle"));
    assertThat(referral).as("back to team booking").isWaitingAt(TASK_BOOK_APPOINTMENT);
    book(referral);

    assertThat(FormConditions.hidden("te-referral-mapping", "investigationResults",
        runtimeService.getVariables(referral.getId()))).as("the team sees the results").isFalse();
    assertThat(jdbc.queryForList("select template from mail_outbox where case_number = ? and template like 'referral-%'"
        + " order by id", String.class, caseNumber)).containsExactly("referral-investigations-invitation",
            "referral-investigations-reminder", "referral-invitation", "referral-reminder");
  }

  @Test
  void aReferralNotTriagedInFiveWorkingDaysEscalatesToTheTeamLeadWithoutStoppingThePath() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 4, 1).atTime(10, 0).atZone(WorkingDays.FINLAND).toInstant()));
    ProcessInstance referral = refer(true);

    Job sla = managementService.createJobQuery().processInstanceId(referral.getId()).timers().singleResult();
    // Wed 1.4.2026 + 5 working days, Good Friday and Easter Monday skipped: Fri 10.4.2026 10:00.
    assertThat(sla.getDuedate().toInstant())
        .isEqualTo(LocalDate.of(2026, 4, 10).atTime(10, 0).atZone(WorkingDays.FINLAND).toInstant());
    assertThat(task().getDueDate()).as("the counsellor's task is due at the SLA").isEqualTo(sla.getDuedate());
    execute(sla);
    execute(job("Task_NotifyTeamLead"));

    assertThat(referral).isWaitingAt(TASK_CONFIRM_TRIAGE, TASK_ESCALATE_TRIAGE);
    assertThat(jdbc.queryForList("select recipient from mail_outbox where activity_id = 'Task_NotifyTeamLead'"
        + " and case_number = ?", String.class, caseNumberOf(referral))).containsExactly("esihenkilo@polku.invalid");
    assertThat(task(TASK_ESCALATE_TRIAGE)).hasCandidateGroup("team-lead");
    finish(TASK_ESCALATE_TRIAGE, entries("escalationNote", "Palveluohjaaja sairaana, sijainen ohjaa."));
    assertThat(referral).hasPassed(END_ESCALATION_HANDLED).isWaitingAt(TASK_CONFIRM_TRIAGE);
  }

  @Test
  void anOpenEscalationEndsWithTheReferral() {
    ProcessInstance referral = refer(true);
    execute(managementService.createJobQuery().processInstanceId(referral.getId()).timers().singleResult());
    execute(job("Task_NotifyTeamLead"));
    assertThat(referral).isWaitingAt(TASK_CONFIRM_TRIAGE, TASK_ESCALATE_TRIAGE);

    confirmTriage(referral, "team-appointment", 1, true);
    execute(job());

    assertThat(referral).isEnded().hasPassed(END_CLIENT_DECLINED).hasNotPassed(END_ESCALATION_HANDLED);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).count()).isZero();
  }

  @Test
  void theReminderIsDueADayBeforeTheAppointment() {
    ProcessInstance referral = refer(true);
    confirmTriage(referral, "team-appointment", 1, false);
    Instant appointment = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    finish(TASK_BOOK_APPOINTMENT, entries(APPOINTMENT_KIND, "team-appointment",
        APPOINTMENT_AT, appointment, APPOINTMENT_PLACE, "Sote-keskus, huone 12"));
    execute(job(TASK_SEND_INVITATION));

    assertThat(referral).isWaitingAt(TIMER_APPOINTMENT_REMINDER);
    assertThat(job(TIMER_APPOINTMENT_REMINDER).getDuedate().toInstant()).isEqualTo(appointment.minus(1, ChronoUnit.DAYS));
  }

  @Test
  void theSixMonthFollowUpIsDueSixMonthsFromTheMappingHoweverLateTheThreeMonthOneWasDone() {
    ZoneId finland = WorkingDays.FINLAND;
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 3, 2).atTime(9, 0).atZone(finland).toInstant()));
    ProcessInstance referral = refer(true);
    confirmTriage(referral, "team-appointment", 1, false);
    book(referral);
    attend(referral);
    Instant mappedAt = ClockUtil.getCurrentTime().toInstant();
    execute(job(TIMER_FOLLOW_UP_3));

    // The 3-month follow-up is done two months late.
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 8, 3).atTime(9, 0).atZone(finland).toInstant()));
    finish(TASK_FOLLOW_UP_3, entries("outcome3", "still-unemployed", "satisfaction3", 8));

    assertThat(referral).isWaitingAt(TIMER_FOLLOW_UP_6);
    assertThat(job(TIMER_FOLLOW_UP_6).getDuedate().toInstant())
        .isEqualTo(mappedAt.atZone(finland).plusMonths(6).toInstant());
  }

  @Test
  void aConsentWithdrawnAfterTheMappingLetsOnlyMappingDoneReachTheCoordinator() {
    ProcessInstance referral = refer(true);
    String caseNumber = caseNumberOf(referral);
    confirmTriage(referral, "team-appointment", 1, false);
    book(referral);
    consents.list(caseNumber).stream()
        .filter(consent -> consent.fromAgency() == Agency.SOTE && consent.toAgency() == Agency.TE)
        .forEach(consent -> consents.withdraw(caseNumber, consent.id(), "koordinaattori"));

    attend(referral);

    assertThat(referral).isWaitingAt("Task_SendMappingDone", TIMER_FOLLOW_UP_3);
    execute(job("Task_SendMappingDone"));
    assertThat(referral).hasNotPassed(TASK_REVIEW_PLAN);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId())
        .taskCandidateGroup("te-coordinator").count()).isZero();
    assertThat(jdbc.queryForObject("select status_reason from referral where case_number = ?", String.class, caseNumber))
        .contains("Suunnitelmaa ei voida välittää");
    followUp(referral);
    assertThat(referral).isEnded().hasPassed(END_PLAN_DELIVERED);
  }

  @Test
  void theIdentityCodeIsNeverKeptInVariablesOrHistory() {
    ProcessInstance referral = refer(true);

    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(referral.getId())
        .variableNameIn("identityCode", "clientName", "clientEmail", "clientPhone").count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(referral.getId()).list())
        .noneMatch(detail -> detail.toString().contains("identityCode"));
    assertThat(runtimeService.getVariables(referral.getId())).doesNotContainKeys("identityCode", "clientName");
  }

  // --- the people's steps, as Tasklist would submit them ---

  private ProcessInstance refer(boolean consentGiven) {
    Map<String, Object> form = TestReferrals.startForm(consentGiven);
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult().getId();
    identityService.setAuthentication("koordinaattori", List.of("te-coordinator"));
    ProcessInstance referral;
    try {
      referral = Tasklist.start(engine, definitionId, form);
    } finally {
      identityService.clearAuthentication();
    }
    if (consentGiven) {
      // The counsellors are told of the new referral (a save point before the mail).
      assertThat(referral).isWaitingAt("Task_NotifyCounsellors");
      execute(job("Task_NotifyCounsellors"));
    }
    return referral;
  }

  /** Completes the user task through its form as Tasklist would, then runs its save point (asyncAfter). */
  private void finish(String taskId, Map<String, Object> entered) {
    Tasklist.complete(task(taskId), entered);
    execute(job(taskId));
  }

  private void confirmTriage(ProcessInstance referral, String decision, int whodasEach, boolean declined) {
    assertThat(referral).isWaitingAt(TASK_CONFIRM_TRIAGE);
    Map<String, Object> form = new HashMap<>();
    for (int item = 1; item <= 12; item++) {
      form.put("whodas" + item, item == 1 ? whodasEach : Math.min(whodasEach, 1));
    }
    form.put("initialInterviewDone", true);
    form.put("initialInterviewNotes", "Haluaa osa-aikatyötä, selkä kipeytyy seisoessa.");
    form.put("benefitsAdviceGiven", true);
    form.put("benefitsAdviceNotes", "Kuntoutusraha ja soviteltu työttömyysetuus.");
    form.put(TRIAGE_DECISION, decision);
    if (!decision.equals(runtimeService.getVariable(referral.getId(), TRIAGE_PROPOSAL))) {
      // The form asks why the counsellor departs from the proposal.
      form.put("triageOverrideReason", "Alkuhaastattelussa tilanne osoittautui toiseksi");
    }
    form.put(CLIENT_DECLINED, declined);
    finish(TASK_CONFIRM_TRIAGE, form);
  }

  private void book(ProcessInstance referral) {
    assertThat(referral).isWaitingAt(TASK_BOOK_APPOINTMENT);
    finish(TASK_BOOK_APPOINTMENT, entries(APPOINTMENT_KIND, "team-appointment",
        APPOINTMENT_AT, Instant.now().plus(7, ChronoUnit.DAYS), APPOINTMENT_PLACE, "Sote-keskus, huone 12"));
    execute(job(TASK_SEND_INVITATION));
    execute(job(TIMER_APPOINTMENT_REMINDER));
    execute(job(TASK_SEND_REMINDER));
    assertThat(referral).isWaitingAt(TASK_MAP_WORK_ABILITY);
    assertThat(task(TASK_MAP_WORK_ABILITY)).hasCandidateGroup("work-ability-team");
  }

  private void attend(ProcessInstance referral) {
    assertThat(referral).isWaitingAt(TASK_MAP_WORK_ABILITY);
    finish(TASK_MAP_WORK_ABILITY, entries(APPOINTMENT_ATTENDED, true,
        "workAbilityAssessment", "Työkyky osittain alentunut", "supportPlan", "Ammatillinen kuntoutus ja IPS",
        FOLLOW_ON_PATHS, List.of("vocational-rehabilitation", "supported-employment"), CASE_MANAGER, "tiimi"));
  }

  private void miss(ProcessInstance referral) {
    assertThat(referral).isWaitingAt(TASK_MAP_WORK_ABILITY);
    finish(TASK_MAP_WORK_ABILITY, entries(APPOINTMENT_ATTENDED, false, RESCHEDULE_REQUESTED, false));
  }

  private void followUp(ProcessInstance referral) {
    assertThat(referral).isWaitingAt(TIMER_FOLLOW_UP_3);
    execute(job(TIMER_FOLLOW_UP_3));
    finish(TASK_FOLLOW_UP_3, entries("outcome3", "still-unemployed", "satisfaction3", 8));
    execute(job(TIMER_FOLLOW_UP_6));
    finish(TASK_FOLLOW_UP_6, entries("outcome6", "employed", "satisfaction6", 9));
    // Both branches (plan to the referrer, follow-up) wait at the join's save point.
    managementService.createJobQuery().processInstanceId(referral.getId()).activityId(GATEWAY_JOIN_FOLLOW_UP).list()
        .forEach(join -> managementService.executeJob(join.getId()));
    execute(job("Task_CompleteReferral"));
  }

  private String caseWithTeToSoteConsent() {
    String caseNumber = cases.openCase(new NewCase(PersonalIdentityCode.parse(TestReferrals.randomTestCode()), null,
        null, null, "Vaasa", Agency.SOTE, "terveydenhoitaja")).caseNumber();
    for (ConsentScope scope : List.of(ConsentScope.STATUS, ConsentScope.PLAN)) {
      consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, scope, LocalDate.now(WorkingDays.FINLAND), LocalDate.now(WorkingDays.FINLAND).plusYears(1)), "test");
    }
    return caseNumber;
  }

  private ProcessInstance referByMessage(String caseNumber) {
    ProcessInstance referral = requestFromPath(caseNumber, new ReferralRequest(PARTIAL_WORK_ABILITY_ONLY,
        "Terveystarkastus", "Työkyvyn tuen kartoitus", "terveydenhoitaja", "health-check", Agency.TE,
        ReferralRequest.Referrer.TE_COORDINATOR, Map.of()));
    assertThat(referral).isWaitingAt("Task_NotifyCounsellors");
    execute(job("Task_NotifyCounsellors"));
    assertThat(referral).isWaitingAt(TASK_CONFIRM_TRIAGE);
    return referral;
  }

  /** Another path's referral through the public door; the te-referral instance it started. */
  private ProcessInstance requestFromPath(String caseNumber, ReferralRequest request) {
    intake.requestFromPath(caseNumber, request);
    return instanceOf(caseNumber);
  }

  private ProcessInstance instanceOf(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult();
  }

  private void measured(String caseNumber, int whodasSum, String flag, Instant at) {
    jdbc.update("insert into work_ability_measurement (client_id, case_number, instrument, score, measured_at, step, flag)"
        + " values (?, ?, 'WHODAS', ?, ?, 'test/Task_ScoreWhodas', ?)", cases.get(caseNumber).clientId(), caseNumber,
        whodasSum, java.sql.Timestamp.from(at), flag);
  }

  private List<Integer> measurements(String caseNumber) {
    return jdbc.queryForList("select score from work_ability_measurement where case_number = ? and instrument = 'WHODAS'"
        + " order by measured_at desc", Integer.class, caseNumber);
  }

  private static Map<String, Object> withWhodasRemeasure(Map<String, Object> shown) {
    Map<String, Object> values = new HashMap<>(shown);
    values.put(WHODAS_REMEASURE, true);
    return values;
  }

  // --- specialist care's side, through the onward referral's own tasks ---

  private void specialistCareAcceptsAndCompletes(String caseNumber, String feedback) {
    Tasklist.complete(onwardTask(caseNumber, OnwardReferralModel.TASK_RECEIVE), "answer", "accept",
        "firstAppointmentAt", java.time.ZonedDateTime.now().plusDays(10).truncatedTo(ChronoUnit.HOURS));
    Tasklist.complete(onwardTask(caseNumber, OnwardReferralModel.TASK_RECORD_FEEDBACK), "outcome", "completed",
        "feedback", feedback);
  }

  private OnwardReferral specialistCareReferral(ProcessInstance referral) {
    return onwardReferrals.get(((Number) runtimeService.getVariable(referral.getId(), SPECIALIST_CARE_REFERRAL_ID)).longValue());
  }

  private ProcessInstance onwardInstance(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(OnwardReferralModel.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult();
  }

  private org.camunda.bpm.engine.task.Task onwardTask(String caseNumber, String taskKey) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(OnwardReferralModel.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).singleResult();
  }

  /** Runs the save points of the case's onward referrals (not their timers) until none is left. */
  private void runOnwardJobs(String caseNumber) {
    for (int round = 0; round < 10; round++) {
      List<String> instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(OnwardReferralModel.PROCESS_KEY)
          .processInstanceBusinessKey(caseNumber).list().stream().map(ProcessInstance::getId).toList();
      List<Job> jobs = instances.stream().flatMap(id -> managementService.createJobQuery().processInstanceId(id).messages()
          .list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private void give(String caseNumber, Agency from, Agency to, ConsentScope scope) {
    for (ConsentScope each : List.of(ConsentScope.STATUS, scope)) {
      consents.give(caseNumber, new NewConsent(from, to, each, LocalDate.now(WorkingDays.FINLAND), LocalDate.now(WorkingDays.FINLAND).plusYears(1)), "test");
    }
  }

  private void consentBothWays(String caseNumber, Agency a, Agency b, ConsentScope scope) {
    give(caseNumber, a, b, scope);
    give(caseNumber, b, a, scope);
  }

  private long referralIdOf(ProcessInstance referral) {
    return (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(referral.getId())
        .variableName(REFERRAL_ID).singleResult().getValue();
  }

  private List<String> statuses(String caseNumber) {
    return referrals.history(caseNumber).stream().map(change -> change.status().code()).toList();
  }

  private String caseNumberOf(ProcessInstance referral) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(referral.getId()).singleResult()
        .getBusinessKey();
  }

}
