package fi.polku.supported;

import fi.polku.calendar.WorkingDays;
import static fi.polku.supported.SupportedEmploymentModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.NewCase;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.onward.OnwardReferral;
import fi.polku.onward.OnwardReferralModel;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.onward.OnwardStatus;
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
 * Supported employment on the real delegates, decision, consent register, onward referrals and
 * outbox: every end state, both timers, the employer consent, the lost job that returns to the
 * search, and the onward referral that brought the client completed at the end. Flow coverage is
 * written to target/process-test-coverage.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, TakenFlows.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class SupportedEmploymentProcessTest {

  static final String COACH_USER = "valmentaja";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired ConsentService consents;
  @Autowired ClientCaseService cases;
  @Autowired OnwardReferrals referrals;
  @Autowired SupportedEmployments coachings;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void useTheSpringEngine() {
    BpmnAwareTests.init(engine);
  }

  /** The class drives every sequence flow of supported-employment (100 % flow coverage). */
  @AfterAll
  static void everyFlowOfTheModelWasTaken() {
    assertThat(TakenFlows.notTaken(PROCESS_KEY)).as("sequence flows of supported-employment no test took").isEmpty();
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void theCoachWhoAcceptsTheReferralRunsThePathToEmploymentAndTheSenderGetsTheReferralCompleted() {
    String caseNumber = soteCase();
    long referralId = referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.SOTE, "work-ability-team",
        "tiimi", OnwardService.SUPPORTED_EMPLOYMENT, "Kartoituksen jatkopolku", ConsentScope.PLAN, "te-referral"));
    ProcessInstance onward = onwardInstance(referralId);
    runJobs(onward.getId());
    Task receive = taskService.createTaskQuery().processInstanceId(onward.getId())
        .taskDefinitionKey(OnwardReferralModel.TASK_RECEIVE).singleResult();
    assertThat(candidateGroups(receive)).containsExactly("job-coach");

    complete(receive, Tasklist.entries(OnwardReferralModel.ANSWER, "accept",
        OnwardReferralModel.FIRST_APPOINTMENT_AT, ZonedDateTime.now().plusDays(3).truncatedTo(ChronoUnit.HOURS)));

    ProcessInstance path = pathOf(caseNumber);
    assertThat(path).hasBusinessKey(caseNumber).isWaitingAt(TASK_FIRST_MEETING);
    Task meeting = task(path, TASK_FIRST_MEETING);
    assertThat(meeting.getAssignee()).as("the coach who accepted is responsible").isEqualTo(COACH_USER);
    assertThat(candidateGroups(meeting)).containsExactly("job-coach");
    SupportedEmployments.Coaching coaching = coachings.ofProcessInstance(path.getId()).orElseThrow();
    assertThat(coaching.onwardReferralId()).isEqualTo(referralId);
    assertThat(coaching.entryRoute()).isEqualTo("onward-referral");
    assertThat(coaching.coach()).isEqualTo(COACH_USER);

    complete(meeting, Tasklist.entries(COOPERATION, "agreed"));
    complete(task(path, TASK_VOCATIONAL_PROFILE), profile(6));
    assertThat(jdbc.queryForObject("select kykyviisari_score from supported_employment_profile where"
        + " supported_employment_id = ?", Integer.class, coaching.id())).isEqualTo(6);
    assertThat(runtimeService.getVariables(path.getId())).doesNotContainKeys(WORK_HISTORY, SKILLS, KYKYVIISARI_SCORE);

    // Rapid job search: the first contact is due 30 days from the start.
    Task search = task(path, TASK_JOB_SEARCH);
    assertThat(search.getAssignee()).isEqualTo(COACH_USER);
    Instant started = coachings.get(coaching.id()).startedAt();
    assertThat(search.getDueDate()).isEqualTo(Date.from(started.atZone(fi.polku.calendar.WorkingDays.FINLAND)
        .plusDays(30).toInstant()));
    complete(search, contact("Kahvila Kulma", "no-opening"));
    Task again = task(path, TASK_JOB_SEARCH);
    assertThat(runtimeService.getVariable(path.getId(), CONTACT_COUNT)).isEqualTo(1);
    assertThat(again.getDueDate()).as("14 days from the contact").isEqualTo(Date.from(LocalDate.now(WorkingDays.FINLAND)
        .plusDays(14).atTime(16, 0).atZone(fi.polku.calendar.WorkingDays.FINLAND).toInstant()));
    complete(again, contact("Varasto Oy", "interview"));
    complete(task(path, TASK_JOB_SEARCH), Tasklist.entries(SEARCH_STEP, "job-found"));

    LocalDate jobStart = LocalDate.now(WorkingDays.FINLAND).plusDays(7);
    complete(task(path, TASK_EMPLOYER_AGREEMENT), agreement("Varasto Oy", jobStart, "wage-subsidy", true));
    long jobId = ((Number) runtimeService.getVariable(path.getId(), JOB_ID)).longValue();
    SupportedEmployments.Job job = coachings.getJob(jobId);
    assertThat(job.arrangement()).isEqualTo("wage-subsidy");
    assertThat(job.employerConsentId()).isNotNull();
    assertThat(consents.get(caseNumber, job.employerConsentId()).scope()).isEqualTo(ConsentScope.EMPLOYER);

    // Follow-ups at 1 and 3 months from the job's start (the decision's rhythm).
    assertThat(path).isWaitingAt(TIMER_FOLLOW_UP_DUE);
    assertThat(timer(path, TIMER_FOLLOW_UP_DUE).getDuedate())
        .isEqualTo(Date.from(jobStart.plusMonths(1).atTime(9, 0).atZone(fi.polku.calendar.WorkingDays.FINLAND).toInstant()));
    managementService.executeJob(timer(path, TIMER_FOLLOW_UP_DUE).getId());
    assertThat(runtimeService.getVariable(path.getId(), EMPLOYER_CONSENT_IN_FORCE)).isEqualTo(true);
    Task followUp = task(path, TASK_FOLLOW_UP);
    assertThat(followUp.getAssignee()).isEqualTo(COACH_USER);
    assertThat(runtimeService.getVariable(path.getId(), FOLLOW_UP_LABEL)).isEqualTo("1 kk");
    complete(followUp, Tasklist.entries(CLIENT_VIEW, "Työ sujuu", EMPLOYER_VIEW, "Perehdytys etenee",
        KYKYVIISARI_SCORE, 7, JOB_STATUS, "continuing"));
    assertThat(jdbc.queryForObject("select employer_view from supported_employment_follow_up where job_id = ?",
        String.class, jobId)).isEqualTo("Perehdytys etenee");
    assertThat(timer(path, TIMER_FOLLOW_UP_DUE).getDuedate())
        .isEqualTo(Date.from(jobStart.plusMonths(3).atTime(9, 0).atZone(fi.polku.calendar.WorkingDays.FINLAND).toInstant()));
    managementService.executeJob(timer(path, TIMER_FOLLOW_UP_DUE).getId());
    assertThat(runtimeService.getVariable(path.getId(), FOLLOW_UP_LABEL)).isEqualTo("3 kk");
    complete(task(path, TASK_FOLLOW_UP), Tasklist.entries(CLIENT_VIEW, "Haluaa jatkaa ilman tukea",
        JOB_STATUS, "support-ended"));

    assertThat(path).isEnded().hasPassed(END_EMPLOYED);
    assertThat(coachings.get(coaching.id()).endState()).isEqualTo("employed");
    OnwardReferral referral = referrals.get(referralId);
    assertThat(referral.status()).isEqualTo(OnwardStatus.COMPLETED);
    assertThat(referral.feedback()).contains("Työllistynyt – tuki päättyi sovitusti").contains("Työnantajakontakteja 2");
    Task review = taskService.createTaskQuery().processInstanceId(onward.getId())
        .taskDefinitionKey(OnwardReferralModel.TASK_REVIEW_FEEDBACK).singleResult();
    assertThat(review.getAssignee()).as("the feedback returns to the sender").isEqualTo("tiimi");
  }

  @Test
  void aClientWhoDeclinesEndsThePathWithItsOwnEndState() {
    ProcessInstance path = selfReferral(soteCase());
    complete(task(path, TASK_FIRST_MEETING), Tasklist.entries(COOPERATION, "declined",
        "cooperationNote", "Haluaa hakea töitä itse"));
    assertThat(path).isEnded().hasPassed(END_DECLINED);
    assertThat(coachings.ofProcessInstance(path.getId()).orElseThrow().endState()).isEqualTo("declined");
    assertThat(coachings.ofProcessInstance(path.getId()).orElseThrow().cooperation()).isEqualTo("declined");
  }

  @Test
  void aSelfReferralMakesTheStarterTheCoachAndAClientNeverReachedEndsUnreachable() {
    String caseNumber = soteCase();
    ProcessInstance path = selfReferral(caseNumber);
    Task meeting = task(path, TASK_FIRST_MEETING);
    assertThat(meeting.getAssignee()).isEqualTo(COACH_USER);
    assertThat(runtimeService.getVariable(path.getId(), ENTRY_ROUTE_NAME)).isEqualTo("Asiakas hakeutui itse");
    assertThat(path).hasBusinessKey(caseNumber);
    complete(meeting, Tasklist.entries(COOPERATION, "unreachable"));
    assertThat(path).isEnded().hasPassed(END_UNREACHABLE);
  }

  @Test
  void noEmployerContactByTheDueTimeRemindsTheCoachAndTellsTheTeamLeadAndTheSearchGoesOn() {
    String caseNumber = soteCase();
    ProcessInstance path = toJobSearch(caseNumber);
    // The coach who made the profile is the case's named person while the coaching runs (issue 16).
    assertThat(jdbc.queryForObject("select user_id from case_responsible where case_number = ? and until is null",
        String.class, caseNumber)).isEqualTo("valmentaja");

    managementService.executeJob(timer(path, TIMER_CONTACT_OVERDUE).getId());
    runJobs(path.getId());
    assertThat(path).hasPassed(END_REMINDED).isWaitingAt(TASK_JOB_SEARCH);
    assertThat(jdbc.queryForList("select recipient from mail_outbox where case_number = ? and template = ?",
        String.class, caseNumber, "staff-task-notice"))
        .containsExactlyInAnyOrder("valmentaja@polku.invalid", "esihenkilo@polku.invalid");

    complete(task(path, TASK_JOB_SEARCH), ending("education", "Pääsi ammattikouluun"));
    assertThat(path).isEnded().hasPassed(END_EDUCATION);
    assertThat(coachings.ofProcessInstance(path.getId()).orElseThrow().endState()).isEqualTo("education");
  }

  @Test
  void anAgreementThatFailsReturnsToTheSearchAndAMoveToAnotherServiceIsAnOnwardReferral() {
    String caseNumber = soteCase();
    ProcessInstance path = toJobSearch(caseNumber);
    complete(task(path, TASK_JOB_SEARCH), Tasklist.entries(SEARCH_STEP, "job-found"));
    complete(task(path, TASK_EMPLOYER_AGREEMENT), Tasklist.entries(AGREEMENT, "not-reached",
        NO_AGREEMENT_NOTE, "Työnantaja valitsi toisen hakijan"));
    assertThat(path).isWaitingAt(TASK_JOB_SEARCH);
    assertThat(jdbc.queryForObject("select count(*) from supported_employment_job j join supported_employment s"
        + " on s.id = j.supported_employment_id where s.process_instance_id = ?", Integer.class, path.getId())).isZero();

    complete(task(path, TASK_JOB_SEARCH), Tasklist.entries(SEARCH_STEP, "ended", END_REASON, "other-service",
        NEW_SERVICE, "rehabilitative-work-activity", END_NOTE, "Haluaa ensin kuntouttavaan työtoimintaan"));
    assertThat(path).isEnded().hasPassed(END_OTHER_SERVICE);
    OnwardReferral onward = referrals.ofCase(caseNumber).get(0);
    assertThat(onward.service()).isEqualTo(OnwardService.REHABILITATIVE_WORK_ACTIVITY);
    assertThat(onward.responsibleGroup()).isEqualTo("job-coach");
    assertThat(onward.responsibleWorker()).isEqualTo(COACH_USER);
    assertThat(onward.sentByPath()).isEqualTo(PROCESS_KEY);
  }

  @Test
  void aLostJobReturnsToTheSearchAndWithoutConsentTheEmployerIsNeitherToldNorAsked() {
    String caseNumber = soteCase();
    ProcessInstance path = toJobSearch(caseNumber);
    complete(task(path, TASK_JOB_SEARCH), Tasklist.entries(SEARCH_STEP, "job-found"));
    complete(task(path, TASK_EMPLOYER_AGREEMENT), agreement("Kauppa Ky", LocalDate.now(WorkingDays.FINLAND), "none", false));
    managementService.executeJob(timer(path, TIMER_FOLLOW_UP_DUE).getId());
    assertThat(runtimeService.getVariable(path.getId(), EMPLOYER_CONSENT_IN_FORCE)).isEqualTo(false);
    assertThat(runtimeService.getVariable(path.getId(), EMPLOYER_CONSENT_TEXT))
        .isEqualTo(CheckEmployerConsentDelegate.NO_CONSENT);
    // The form hides the employer's view without consent: Tasklist sends nothing for it.
    Task followUp = task(path, TASK_FOLLOW_UP);
    assertThat(Tasklist.submission(engine, followUp.getId(), Tasklist.entries(CLIENT_VIEW, "Työ loppui",
        JOB_STATUS, "lost"))).doesNotContainKey(EMPLOYER_VIEW);
    complete(followUp, Tasklist.entries(CLIENT_VIEW, "Työ loppui", JOB_STATUS, "lost"));

    assertThat(path).isWaitingAt(TASK_JOB_SEARCH);
    long jobId = ((Number) runtimeService.getVariable(path.getId(), JOB_ID)).longValue();
    assertThat(coachings.getJob(jobId).endedOn()).isEqualTo(LocalDate.now(fi.polku.calendar.WorkingDays.FINLAND));
    assertThat(task(path, TASK_JOB_SEARCH).getDueDate()).as("14 days from the job's end")
        .isEqualTo(Date.from(LocalDate.now(fi.polku.calendar.WorkingDays.FINLAND).plusDays(14).atTime(16, 0)
            .atZone(fi.polku.calendar.WorkingDays.FINLAND).toInstant()));

    complete(task(path, TASK_JOB_SEARCH), Tasklist.entries(SEARCH_STEP, "job-found"));
    complete(task(path, TASK_EMPLOYER_AGREEMENT), agreement("Kauppa Oy", LocalDate.now(WorkingDays.FINLAND), "work-trial", false));
    managementService.executeJob(timer(path, TIMER_FOLLOW_UP_DUE).getId());
    complete(task(path, TASK_FOLLOW_UP), Tasklist.entries(CLIENT_VIEW, "Ei jaksa jatkaa", JOB_STATUS, "ended",
        END_REASON, "client-ended", END_NOTE, "Asiakas lopetti omasta tahdostaan"));
    assertThat(path).isEnded().hasPassed(END_CLIENT_ENDED);
    assertThat(jdbc.queryForObject("select count(*) from supported_employment_job j join supported_employment s"
        + " on s.id = j.supported_employment_id where s.process_instance_id = ?", Integer.class, path.getId())).isEqualTo(2);
  }

  @Test
  void aClientWhoCannotBeReachedDuringTheSearchEndsUnreachable() {
    ProcessInstance path = toJobSearch(soteCase());
    complete(task(path, TASK_JOB_SEARCH), ending("unreachable", "Ei vastannut kolmeen yhteydenottoon"));
    assertThat(path).isEnded().hasPassed(END_UNREACHABLE);
  }

  // --- helpers ---

  /** Completes the task through its form as the job coach, as Tasklist would. */
  private void complete(Task task, Map<String, ?> entered) {
    identityService.setAuthentication(COACH_USER, List.of("job-coach"));
    try {
      Tasklist.complete(task, entered);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String soteCase() {
    return cases.openCase(new NewCase(PersonalIdentityCode.parse(TestReferrals.randomTestCode()), null, null, null,
        "Pori", Agency.SOTE, "valmentaja")).caseNumber();
  }

  private ProcessInstance selfReferral(String caseNumber) {
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult().getId();
    identityService.setAuthentication(COACH_USER, List.of("job-coach"));
    try {
      return Tasklist.start(engine, definition, Tasklist.entries(CASE_NUMBER, caseNumber, ENTRY_ROUTE, "self-referral"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessInstance toJobSearch(String caseNumber) {
    ProcessInstance path = selfReferral(caseNumber);
    complete(task(path, TASK_FIRST_MEETING), Tasklist.entries(COOPERATION, "agreed"));
    complete(task(path, TASK_VOCATIONAL_PROFILE), profile(5));
    assertThat(path).isWaitingAt(TASK_JOB_SEARCH);
    return path;
  }

  private static Map<String, Object> profile(int kykyviisari) {
    return Tasklist.entries(WORK_HISTORY, "Varastotyötä 5 vuotta", EDUCATION, "Logistiikan perustutkinto",
        SKILLS, "Trukkikortti, täsmällisyys", WORK_WISHES, "Varasto tai kauppa, osa-aika", KYKYVIISARI_SCORE, kykyviisari,
        KYKYVIISARI_DISCUSSED, true);
  }

  private static Map<String, Object> contact(String employer, String outcome) {
    return Tasklist.entries(SEARCH_STEP, "contact", EMPLOYER_NAME, employer, CONTACT_DATE, LocalDate.now(WorkingDays.FINLAND),
        CONTACT_OUTCOME, outcome);
  }

  private static Map<String, Object> ending(String reason, String note) {
    return Tasklist.entries(SEARCH_STEP, "ended", END_REASON, reason, END_NOTE, note);
  }

  private static Map<String, Object> agreement(String employer, LocalDate start, String arrangement, boolean consent) {
    Map<String, Object> entered = Tasklist.entries(AGREEMENT, "reached", EMPLOYER_NAME, employer, JOB_TITLE,
        "Varastotyöntekijä", JOB_START_DATE, start, WEEKLY_HOURS, 25, ARRANGEMENT, arrangement, EMPLOYER_CONSENT, consent);
    if (consent) {
      entered.put(EMPLOYER_CONSENT_UNTIL, LocalDate.now(WorkingDays.FINLAND).plusYears(1));
      entered.put(EMPLOYER_DISCLOSURE, "Tuettu työllistyminen ja sovitut työaikajärjestelyt");
    }
    return entered;
  }

  private ProcessInstance pathOf(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult();
  }

  private ProcessInstance onwardInstance(long id) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(OnwardReferralModel.PROCESS_KEY)
        .variableValueEquals(OnwardReferralModel.ONWARD_REFERRAL_ID, id).singleResult();
  }

  private Task task(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  private Job timer(ProcessInstance instance, String timerId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(timerId)
        .singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
  }

  /** Runs the instance's save points (not its timers) until none is left. */
  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
