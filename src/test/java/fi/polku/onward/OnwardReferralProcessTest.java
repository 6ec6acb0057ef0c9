package fi.polku.onward;

import fi.polku.calendar.WorkingDays;
import static fi.polku.onward.OnwardReferralModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.NewCase;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import fi.polku.support.TakenFlows;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
 * The onward referral on the real delegates, consent register and outbox: every state (accepted,
 * rejected, no answer, completed with and without consent, failed, cancelled), the consent at the
 * crossing and the unaccounted list. Flow coverage is written to target/process-test-coverage.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, TakenFlows.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class OnwardReferralProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ConsentService consents;
  @Autowired ClientCaseService cases;
  @Autowired OnwardReferrals referrals;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void useTheSpringEngine() {
    BpmnAwareTests.init(engine);
  }

  /** The class drives every sequence flow of onward-referral (100 % flow coverage). */
  @AfterAll
  static void everyFlowOfTheModelWasTaken() {
    assertThat(TakenFlows.notTaken(PROCESS_KEY)).as("sequence flows of onward-referral no test took").isEmpty();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void specialistCareAcceptsInTasklistAndItsFeedbackReturnsToTheSenderWithConsent() {
    String caseNumber = soteCase();
    consentBothWays(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.HEALTH);
    long id = request(caseNumber, OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT, ConsentScope.HEALTH);
    ProcessInstance instance = instanceOf(id);

    assertThat(instance).isWaitingAt(TASK_RECEIVE).hasBusinessKey(caseNumber);
    Task receive = task(instance, TASK_RECEIVE);
    assertThat(candidateGroups(receive)).containsExactly("specialist-care");
    assertThat(receive.getDueDate()).isEqualTo(Date.from(referrals.get(id).answerDueAt()));
    assertThat(referrals.get(id).consentAtCrossing()).isTrue();
    assertThat(referrals.get(id).sentAt()).isNotNull();
    assertThat(jdbc.queryForList("select template from mail_outbox where case_number = ?", String.class, caseNumber))
        .contains("staff-task-notice");

    Tasklist.complete(receive, Tasklist.entries(ANSWER, "accept",
        FIRST_APPOINTMENT_AT, ZonedDateTime.now().plusDays(10).truncatedTo(ChronoUnit.HOURS)));
    assertThat(referrals.get(id).status()).isEqualTo(OnwardStatus.ACCEPTED);
    assertThat(referrals.get(id).firstAppointmentAt()).isNotNull();
    assertThat(instance).isWaitingAt(TASK_RECORD_FEEDBACK);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(TIMER_SERVICE_STARTED).singleResult().getDuedate())
        .isEqualTo(Date.from(referrals.get(id).firstAppointmentAt()));

    // The first appointment comes: the service is in progress.
    runTimer(instance, TIMER_SERVICE_STARTED);
    assertThat(referrals.get(id).status()).isEqualTo(OnwardStatus.IN_PROGRESS);
    Tasklist.complete(task(instance, TASK_RECORD_FEEDBACK), Tasklist.entries(OUTCOME, "completed",
        FEEDBACK, "Moniammatillinen arvio tehty; suositus ammatillinen kuntoutus"));

    Task review = task(instance, TASK_REVIEW_FEEDBACK);
    assertThat(candidateGroups(review)).containsExactly("sote-counsellor");
    assertThat(review.getAssignee()).isEqualTo("palveluohjaaja");
    assertThat(runtimeService.getVariable(instance.getId(), FEEDBACK_FOR_SENDER))
        .isEqualTo("Moniammatillinen arvio tehty; suositus ammatillinen kuntoutus");
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey(FEEDBACK);
    Tasklist.complete(review, Tasklist.entries("feedbackReviewed", true, "followUpNote", "Kelan kuntoutus haetaan"));

    assertThat(instance).isEnded().hasPassed(END_FEEDBACK_RETURNED);
    assertThat(statuses(id)).containsExactly("requested", "requested", "accepted", "in-progress", "completed");
    assertThat(referrals.get(id).feedback()).startsWith("Moniammatillinen arvio");
  }

  @Test
  void aSystemAnswersByMessageAndWithoutConsentBackTheSenderLearnsOnlyThatItEnded() {
    String caseNumber = soteCase();
    give(caseNumber, Agency.SOTE, Agency.KELA, ConsentScope.PLAN);
    long id = request(caseNumber, OnwardService.KELA_REHABILITATION_NEED_ASSESSMENT, ConsentScope.PLAN);
    ProcessInstance instance = instanceOf(id);
    // A receiver without Tasklist: its task sits in its system's group, which no staff filter shows.
    assertThat(candidateGroups(task(instance, TASK_RECEIVE))).containsExactly("system-kela");
    assertThat(jdbc.queryForList("select template from mail_outbox where case_number = ?", String.class, caseNumber))
        .as("no mail to a system's technical user").isEmpty();

    correlate(instance, MESSAGE_ANSWERED, Map.of(ANSWER, "accept",
        FIRST_APPOINTMENT_AT, Date.from(Instant.now().plus(3, ChronoUnit.DAYS)), ANSWERED_BY, "kela-system"));
    assertThat(referrals.get(id).status()).isEqualTo(OnwardStatus.ACCEPTED);
    correlate(instance, MESSAGE_COMPLETED, Map.of(OUTCOME, "failed", FEEDBACK, "Asiakas ei saapunut", ANSWERED_BY,
        "kela-system"));

    assertThat(referrals.get(id).status()).isEqualTo(OnwardStatus.FAILED);
    assertThat(runtimeService.getVariable(instance.getId(), FEEDBACK_SHARED)).isEqualTo(false);
    assertThat(runtimeService.getVariable(instance.getId(), FEEDBACK_FOR_SENDER))
        .isEqualTo(RecordOnwardCompletionDelegate.FEEDBACK_WITHHELD);
    assertThat(referrals.history(id)).extracting(OnwardReferral.StatusChange::changedBy)
        .contains("kela-system");
    Tasklist.complete(task(instance, TASK_REVIEW_FEEDBACK), Tasklist.entries("feedbackReviewed", true));
    assertThat(instance).isEnded().hasPassed(END_FEEDBACK_RETURNED);
    assertThat(statuses(id)).containsExactly("requested", "requested", "accepted", "in-progress", "failed");
  }

  @Test
  void withoutConsentNothingCrossesUntilTheSenderRecordsItAndTheSenderMayCancel() {
    String caseNumber = soteCase();
    long id = request(caseNumber, OnwardService.ESH_REHABILITATION_POLYCLINIC, ConsentScope.PLAN);
    ProcessInstance instance = instanceOf(id);

    assertThat(instance).isWaitingAt(TASK_OBTAIN_CONSENT);
    OnwardReferral held = referrals.get(id);
    assertThat(held.consentAtCrossing()).isFalse();
    assertThat(held.sentAt()).isNull();
    assertThat(held.statusReason()).isEqualTo(OnwardStatusChanges.NO_CONSENT);
    assertThat(referrals.inbox(Agency.ESH, OnwardStatus.REQUESTED)).extracting(OnwardReferral::id).doesNotContain(id);
    Task obtain = task(instance, TASK_OBTAIN_CONSENT);
    assertThat(candidateGroups(obtain)).containsExactly("sote-counsellor");

    Tasklist.complete(obtain, Tasklist.entries(CONSENT_ACTION, "record-consent",
        CONSENT_VALID_UNTIL, LocalDate.now(WorkingDays.FINLAND).plusMonths(6)));
    runJobs(instance);
    assertThat(instance).isWaitingAt(TASK_RECEIVE);
    assertThat(referrals.get(id).consentAtCrossing()).isTrue();
    assertThat(referrals.inbox(Agency.ESH, OnwardStatus.REQUESTED)).extracting(OnwardReferral::id).contains(id);

    referrals.cancel(id, "Asiakas muutti toiselle paikkakunnalle", "palveluohjaaja");
    assertThat(instance).isEnded().hasPassed(END_CANCELLED);
    assertThat(referrals.get(id).status()).isEqualTo(OnwardStatus.CANCELLED);
    assertThat(referrals.get(id).statusReason()).isEqualTo("Asiakas muutti toiselle paikkakunnalle");
  }

  @Test
  void withoutConsentTheSenderMayGiveTheReferralToTheClient() {
    String caseNumber = soteCase();
    long id = request(caseNumber, OnwardService.PENSION_VOCATIONAL_REHABILITATION, ConsentScope.PLAN);
    ProcessInstance instance = instanceOf(id);

    Tasklist.complete(task(instance, TASK_OBTAIN_CONSENT), Tasklist.entries(CONSENT_ACTION, "give-to-client"));

    assertThat(instance).isEnded().hasPassed(END_GIVEN_TO_CLIENT);
    assertThat(referrals.get(id).status()).isEqualTo(OnwardStatus.CANCELLED);
    assertThat(referrals.get(id).sentAt()).isNull();
  }

  @Test
  void aRejectionGoesToTheSenderAndTheCaseIsUnaccountedUntilItIsSentElsewhere() {
    String caseNumber = soteCase();
    consentBothWays(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.PLAN);
    consentBothWays(caseNumber, Agency.SOTE, Agency.KELA, ConsentScope.PLAN);
    long id = request(caseNumber, OnwardService.ESH_REHABILITATION_POLYCLINIC, ConsentScope.PLAN);
    ProcessInstance instance = instanceOf(id);

    Tasklist.complete(task(instance, TASK_RECEIVE), Tasklist.entries(ANSWER, "reject",
        REJECTION_REASON, "Ei erikoissairaanhoidon tarvetta; perusterveydenhuolto riittää"));
    assertThat(referrals.get(id).status()).isEqualTo(OnwardStatus.REJECTED);
    assertThat(referrals.unaccounted()).extracting(OnwardReferral::id).contains(id);
    Task decide = task(instance, TASK_DECIDE_NEXT);
    assertThat(candidateGroups(decide)).containsExactly("sote-counsellor");
    assertThat(runtimeService.getVariable(instance.getId(), REJECTION_REASON)).asString().startsWith("Ei erikois");

    Tasklist.complete(decide, Tasklist.entries(ONWARD_DECISION, "send-elsewhere",
        NEW_RECEIVING_SERVICE, "kela-rehabilitation-need-assessment"));

    assertThat(instance).isEnded().hasPassed(END_SENT_ELSEWHERE);
    assertThat(referrals.get(id).status()).isEqualTo(OnwardStatus.CANCELLED);
    assertThat(referrals.unaccounted()).extracting(OnwardReferral::id).doesNotContain(id);
    List<OnwardReferral> ofCase = referrals.ofCase(caseNumber);
    assertThat(ofCase).hasSize(2);
    OnwardReferral next = ofCase.get(1);
    assertThat(next.service()).isEqualTo(OnwardService.KELA_REHABILITATION_NEED_ASSESSMENT);
    assertThat(next.replacesId()).isEqualTo(id);
    runJobs(instanceOf(next.id()));
    assertThat(instanceOf(next.id())).isWaitingAt(TASK_RECEIVE);
    assertThat(statuses(id)).containsExactly("requested", "requested", "rejected", "cancelled");
  }

  @Test
  void noAnswerByTheDeadlineMakesTheCaseUnaccountedTellsTheTeamLeadAndWaitsForTheSendersDecision() {
    String caseNumber = soteCase();
    consentBothWays(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.PLAN);
    long id = request(caseNumber, OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT, ConsentScope.PLAN);
    ProcessInstance instance = instanceOf(id);
    Instant due = referrals.get(id).answerDueAt();
    assertThat(referrals.unaccounted()).extracting(OnwardReferral::id).doesNotContain(id);

    // After the deadline it is unaccounted even before the timer has run.
    ClockUtil.setCurrentTime(Date.from(due.plus(1, ChronoUnit.HOURS)));
    assertThat(referrals.unaccounted()).filteredOn(referral -> referral.id() == id)
        .extracting(OnwardReferral::unaccountedSince).containsExactly(due);
    runTimer(instance, TIMER_ANSWER_DEADLINE);
    runJobs(instance);
    assertThat(instance).isWaitingAt(TASK_DECIDE_NEXT);
    assertThat(runtimeService.getVariable(instance.getId(), DEADLINE_PASSED)).isEqualTo(true);
    assertThat(referrals.get(id).statusReason()).isEqualTo(OnwardStatusChanges.NO_ANSWER);
    assertThat(referrals.unaccounted()).extracting(OnwardReferral::id).contains(id);
    assertThat(jdbc.queryForList("select recipient from mail_outbox where case_number = ? and template = 'staff-task-notice'",
        String.class, caseNumber)).contains("esihenkilo@polku.invalid");

    // The sender calls the receiver and waits again: accounted for, with a new deadline.
    Tasklist.complete(task(instance, TASK_DECIDE_NEXT), Tasklist.entries(ONWARD_DECISION, "wait"));
    assertThat(instance).isWaitingAt(TASK_RECEIVE);
    assertThat(referrals.unaccounted()).extracting(OnwardReferral::id).doesNotContain(id);
    assertThat(referrals.get(id).answerDueAt()).isAfter(due);

    Tasklist.complete(task(instance, TASK_RECEIVE), Tasklist.entries(ANSWER, "reject", REJECTION_REASON, "Jono täynnä"));
    Tasklist.complete(task(instance, TASK_DECIDE_NEXT), Tasklist.entries(ONWARD_DECISION, "close",
        CLOSE_REASON, "Asiakas ohjattu työterveyshuoltoon"));
    assertThat(instance).isEnded().hasPassed(END_CLOSED);
    assertThat(referrals.get(id).status()).isEqualTo(OnwardStatus.CANCELLED);
    assertThat(referrals.get(id).statusReason()).isEqualTo("Asiakas ohjattu työterveyshuoltoon");
    assertThat(referrals.unaccounted()).extracting(OnwardReferral::id).doesNotContain(id);
  }

  @Test
  void staffStartAnOnwardReferralInTasklistAndBecomeItsResponsibleWorker() {
    String caseNumber = soteCase();
    consentBothWays(caseNumber, Agency.SOTE, Agency.ESH, ConsentScope.PLAN);
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult().getId();
    identityService.setAuthentication("tiimi", List.of("work-ability-team"));
    ProcessInstance instance;
    try {
      instance = Tasklist.start(engine, definitionId, Tasklist.entries(CASE_NUMBER, caseNumber,
          RECEIVING_SERVICE, "esh-rehabilitation-polyclinic", ONWARD_REASON, "Kuntoutustarpeen arvio",
          CONTENT_SCOPE, "plan"));
    } finally {
      identityService.clearAuthentication();
    }
    runJobs(instance);
    assertThat(instance).hasBusinessKey(caseNumber).isWaitingAt(TASK_RECEIVE);
    OnwardReferral referral = referrals.ofCase(caseNumber).get(0);
    assertThat(referral.sendingAgency()).isEqualTo(Agency.SOTE);
    assertThat(referral.responsibleGroup()).isEqualTo("work-ability-team");
    assertThat(referral.responsibleWorker()).isEqualTo("tiimi");
    assertThat(referrals.history(referral.id()).get(0).changedBy()).isEqualTo("tiimi");
    referrals.cancel(referral.id(), "Tehty vahingossa", "tiimi");
    assertThat(instance).isEnded();
  }

  @Test
  void withinOneAgencyNoBoundaryIsCrossedSoNoConsentIsAsked() {
    String caseNumber = soteCase();
    long id = request(caseNumber, OnwardService.SOTE_PHYSICIAN, ConsentScope.HEALTH);
    ProcessInstance instance = instanceOf(id);

    assertThat(instance).isWaitingAt(TASK_RECEIVE);
    assertThat(candidateGroups(task(instance, TASK_RECEIVE))).containsExactly("sote-counsellor");
    assertThat(referrals.get(id).consentAtCrossing()).isTrue();
    referrals.cancel(id, "Lääkäriaika varattu suoraan", "palveluohjaaja");
    assertThat(instance).isEnded().hasPassed(END_CANCELLED);
  }

  // --- helpers ---

  private String soteCase() {
    return cases.openCase(new NewCase(PersonalIdentityCode.parse(TestReferrals.randomTestCode()), null, null, null,
        "Pori", Agency.SOTE, "palveluohjaaja")).caseNumber();
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

  /** A path asks for the onward referral through the one method paths call; its save points run. */
  private long request(String caseNumber, OnwardService service, ConsentScope scope) {
    long id = referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.SOTE, "sote-counsellor",
        "palveluohjaaja", service, "Työkyvyn arvio tarvitaan", scope, "te-referral"));
    runJobs(instanceOf(id));
    return id;
  }

  /** The referral's running process instance. */
  private ProcessInstance instanceOf(long id) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(ONWARD_REFERRAL_ID, id).singleResult();
  }

  private Task task(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
  }

  private void correlate(ProcessInstance instance, String message, Map<String, Object> variables) {
    runtimeService.createMessageCorrelation(message).processInstanceId(instance.getId()).setVariables(variables)
        .correlateWithResult();
  }

  /** Runs the instance's save points (not its timers) until none is left. */
  private void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private void runTimer(ProcessInstance instance, String timerId) {
    Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(timerId)
        .singleResult();
    managementService.executeJob(timer.getId());
  }

  private List<String> statuses(long id) {
    return referrals.history(id).stream().map(OnwardReferral.StatusChange::status).toList();
  }
}
