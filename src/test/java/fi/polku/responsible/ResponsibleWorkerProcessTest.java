package fi.polku.responsible;

import fi.polku.calendar.WorkingDays;
import static fi.polku.support.Tasklist.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import fi.polku.cases.ClientCaseService;
import fi.polku.cases.ClientLanguage;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The named responsible worker on every path, on the real models, delegates and outbox: the
 * counsellor who confirms the triage, then the case manager the team's mapping chooses from the
 * members of the right groups; the nurse who books and holds the health check; the
 * occupational-health professional who starts the hand-over, then the coordinator who takes the
 * client over. The case's tasks are assigned to that person with the group kept as a candidate,
 * and move with the case when a team lead hands it to someone else; the client is told in their
 * own language.
 */
@SpringBootTest
@ActiveProfiles("test")
class ResponsibleWorkerProcessTest {

  /** A second member of the work-ability team, to hand cases to. */
  static final String SECOND_TEAM_MEMBER = "tiimi-toinen";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ResponsibleWorkers responsible;
  @Autowired ClientCaseService cases;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    if (identity.createUserQuery().userId(SECOND_TEAM_MEMBER).count() == 0) {
      User user = identity.newUser(SECOND_TEAM_MEMBER);
      user.setFirstName("Toivo");
      user.setLastName("Tiimiläinen");
      user.setEmail(SECOND_TEAM_MEMBER + "@polku.invalid");
      identity.saveUser(user);
      identity.createMembership(SECOND_TEAM_MEMBER, "work-ability-team");
      identity.setUserInfo(SECOND_TEAM_MEMBER, "phone", "040 000 0999");
    }
  }

  @AfterEach
  void reset() {
    BpmnAwareTests.reset();
  }

  @Test
  void onTheReferralPathTheCounsellorAndThenTheMappedCaseManagerAreResponsibleAndGetTheFollowUps() {
    ProcessInstance referral = startReferral("fi");
    String caseNumber = referral.getBusinessKey() != null ? referral.getBusinessKey() : businessKey(referral);
    assertThat(responsible.current(caseNumber)).as("nobody before the first step is done").isEmpty();

    confirmTriage(referral, "palveluohjaaja");
    assertThat(responsible.current(caseNumber)).get().extracting(Responsible::userId, Responsible::reason)
        .containsExactly("palveluohjaaja", Reason.TRIAGE);

    book(referral);
    Task mapping = task(caseNumber, "Task_MapWorkAbility");
    Object options = tasks.getVariableLocalTyped(mapping.getId(), ResponsibilityRules.CASE_MANAGER_OPTIONS)
        .getValue();
    String offered = ((JsonValue) tasks.getVariableLocalTyped(mapping.getId(),
        ResponsibilityRules.CASE_MANAGER_OPTIONS)).getValueSerialized();
    assertThat(options).isNotNull();
    assertThat(offered).as("the team, the counsellors and the coordinators; no team lead, no system")
        .contains("\"value\":\"tiimi\"").contains("\"value\":\"palveluohjaaja\"").contains("\"value\":\"koordinaattori\"")
        .contains("Tiina Tiimi (tiimi)").doesNotContain("esihenkilo").doesNotContain("te-system");
    assertThatThrownBy(() -> Tasklist.complete(mapping, mapped("Tiina Tiimi")))
        .as("a name typed instead of choosing a user is refused").isInstanceOf(IllegalArgumentException.class);

    tasks.claim(mapping.getId(), "tiimi");
    Tasklist.complete(mapping, mapped("tiimi"));
    execute(job("Task_MapWorkAbility"));
    Responsible manager = responsible.current(caseNumber).orElseThrow();
    assertThat(manager.userId()).isEqualTo("tiimi");
    assertThat(manager.caseManager()).isTrue();
    assertThat(runtime.getVariable(referral.getId(), "caseManager")).as("the plan names the person").isEqualTo("Tiina Tiimi");
    assertThat(mailBodies(caseNumber, "case-manager")).singleElement().asString()
        .contains("Tiina Tiimi").contains("puh. 040 000 0102").contains("sähköposti tiimi@polku.invalid");

    execute(job("Task_SendPlanNotice"));
    Task review = task(caseNumber, "Task_ReviewPlan");
    assertThat(review.getAssignee()).as("the referrer's review stays with the coordinators").isNull();
    execute(job("Timer_FollowUp3"));
    Task followUp = task(caseNumber, "Task_FollowUp3");
    assertThat(followUp.getAssignee()).as("the follow-up goes to the case manager").isEqualTo("tiimi");
    assertThat(candidateGroups(followUp)).as("the group stays a candidate").containsExactly("work-ability-team");
  }

  @Test
  void aTeamLeadHandsTheCaseToAnotherWorkerAndItsOpenTasksMoveWithIt() {
    ProcessInstance referral = startReferral("sv");
    String caseNumber = businessKey(referral);
    confirmTriage(referral, "palveluohjaaja");
    book(referral);
    Task mapping = task(caseNumber, "Task_MapWorkAbility");
    tasks.claim(mapping.getId(), "tiimi");
    Tasklist.complete(mapping, mapped("tiimi"));
    execute(job("Task_MapWorkAbility"));
    execute(job("Task_SendPlanNotice"));
    execute(job("Timer_FollowUp3"));
    assertThat(task(caseNumber, "Task_FollowUp3").getAssignee()).isEqualTo("tiimi");

    assertThatThrownBy(() -> responsible.change(caseNumber, SECOND_TEAM_MEMBER, "Lomalla", "koordinaattori",
        List.of("te-coordinator"))).as("neither a team lead nor the case manager").isInstanceOf(InvalidChangeException.class)
        .extracting(e -> ((InvalidChangeException) e).field()).isEqualTo("changedBy");
    assertThatThrownBy(() -> responsible.change(caseNumber, "te-system", "Siirto", "esihenkilo", List.of("team-lead")))
        .as("a system account is nobody's case manager").isInstanceOf(InvalidChangeException.class);
    assertThatThrownBy(() -> responsible.change(caseNumber, SECOND_TEAM_MEMBER, " ", "esihenkilo", List.of("team-lead")))
        .as("a hand-over needs its note").isInstanceOf(InvalidChangeException.class);

    responsible.change(caseNumber, SECOND_TEAM_MEMBER, "Tiina jää vuorotteluvapaalle; asiakas toivoo iltapäiväaikoja.",
        "esihenkilo", List.of("team-lead"));

    Task followUp = task(caseNumber, "Task_FollowUp3");
    assertThat(followUp.getAssignee()).isEqualTo(SECOND_TEAM_MEMBER);
    assertThat(candidateGroups(followUp)).containsExactly("work-ability-team");
    List<Responsible> history = responsible.history(caseNumber);
    assertThat(history).extracting(Responsible::userId).containsExactly(SECOND_TEAM_MEMBER, "tiimi", "palveluohjaaja");
    assertThat(history.get(0).reason()).isEqualTo(Reason.CHANGE);
    assertThat(history.get(0).note()).startsWith("Tiina jää");
    assertThat(history.get(0).setBy()).isEqualTo("esihenkilo");
    assertThat(history.get(1).until()).isEqualTo(history.get(0).since());
    // The client speaks Swedish: both mails about the case manager are Swedish.
    assertThat(cases.language(caseNumber)).isEqualTo(ClientLanguage.SV);
    assertThat(mailSubjects(caseNumber, "case-manager")).singleElement().asString().startsWith("Du har fått en klientansvarig");
    assertThat(mailBodies(caseNumber, "case-manager-changed")).singleElement().asString()
        .contains("Toivo Tiimiläinen").contains("tfn 040 000 0999").contains("Tiina Tiimi har lämnat över ärendet")
        .contains("social- och hälsocentralens servicehandledning");
    assertThat(mailSubjects(caseNumber, "referral-invitation")).singleElement().asString().startsWith("Kallelse");

    // The new case manager may hand it on in turn; the previous one no longer may.
    assertThat(responsible.mayChange(caseNumber, SECOND_TEAM_MEMBER, List.of("work-ability-team"))).isTrue();
    assertThat(responsible.mayChange(caseNumber, "tiimi", List.of("work-ability-team"))).isFalse();
  }

  @Test
  void onTheHealthCheckPathTheNurseWhoBooksAndThenTheNurseWhoHoldsTheCheckAreResponsible() {
    Map<String, Object> form = new HashMap<>();
    form.put("wayIn", "referral");
    form.put("identityCode", TestReferrals.randomTestCode());
    form.put("clientName", "Testi Asiakas");
    form.put("clientEmail", "asiakas@polku.invalid");
    form.put("language", "sv");
    form.put("municipality", "Vaasa");
    form.put("unemploymentMonths", 30);
    form.put("unemployed", true);
    form.put("coveredByOccupationalHealth", false);
    form.put("hadHealthCheck", false);
    form.put("referralReason", "Pitkäaikaistyötön, ei terveystarkastusta");
    form.put("consentGiven", false);
    ProcessInstance check = start("health-check-invitation", form, "koordinaattori", "te-coordinator");
    String caseNumber = businessKey(check);
    assertThat(cases.language(caseNumber)).isEqualTo(ClientLanguage.SV);
    runJobs(check);

    Task booking = task(caseNumber, "Task_RecordBooking");
    tasks.claim(booking.getId(), "terveydenhoitaja");
    Tasklist.complete(booking, entries("clientDeclined", false, "appointmentAt", Instant.now().plus(5, ChronoUnit.DAYS),
        "appointmentPlace", "Sote-keskus"));
    assertThat(responsible.current(caseNumber)).get().extracting(Responsible::userId, Responsible::reason)
        .containsExactly("terveydenhoitaja", Reason.HEALTH_CHECK_BOOKING);
    runJobs(check);

    identity.saveUser(newNurse("terveydenhoitaja-2"));
    Task healthCheck = task(caseNumber, "Task_HealthCheck");
    tasks.claim(healthCheck.getId(), "terveydenhoitaja-2");
    Map<String, Object> checked = new HashMap<>();
    checked.put("attended", true);
    checked.put("findings", "Verenpaine koholla");
    for (int item = 1; item <= 12; item++) {
      checked.put("whodas" + item, 0);
    }
    checked.put("workAbilityConcern", false);
    checked.put("physicianNeeded", false);
    checked.put("rehabilitationNeed", false);
    checked.put("kykyviisariScore", 6);
    checked.put("clientView", "Haluaa töihin");
    checked.put("healthPlan", "Liikuntaa");
    Tasklist.complete(healthCheck, checked);
    assertThat(responsible.history(caseNumber)).extracting(Responsible::userId)
        .containsExactly("terveydenhoitaja-2", "terveydenhoitaja");
    assertThat(responsible.current(caseNumber).orElseThrow().reason()).isEqualTo(Reason.HEALTH_CHECK);
    assertThat(mailSubjects(caseNumber, "case-manager")).as("a nurse is no case manager: no such mail").isEmpty();
  }

  @Test
  void onTheHandOverTheProfessionalWhoStartsItThenTheCoordinatorWhoTakesOverAreResponsible() {
    Map<String, Object> form = new HashMap<>();
    form.put("identityCode", TestReferrals.randomTestCode());
    form.put("clientName", "Testi Asiakas");
    form.put("clientEmail", "asiakas@polku.invalid");
    form.put("municipality", "Jyväskylä");
    form.put("providerName", "Työterveys Esimerkki Oy");
    form.put("employerName", "Esimerkkitehdas Oy");
    form.put("employmentEndDate", LocalDate.now(WorkingDays.FINLAND).plusMonths(1));
    form.put("changeSecurity", false);
    form.put("partialWorkAbility", true);
    form.put("threatOfUnemployment", true);
    ProcessInstance handover = start("oh-handover", form, "tyoterveys", "oh-professional");
    String caseNumber = businessKey(handover);
    assertThat(responsible.current(caseNumber)).get().extracting(Responsible::userId, Responsible::reason)
        .containsExactly("tyoterveys", Reason.HANDOVER_START);
    assertThat(cases.language(caseNumber)).as("no language chosen: Finnish").isEqualTo(ClientLanguage.FI);
    runJobs(handover);

    complete(caseNumber, "Task_ExtendedHealthCheck", "tyoterveys", entries("statutoryDone", true, "statutoryMinutes", 45,
        "pilotDone", true, "pilotMinutes", 90, "rehabilitationNeed", false, "findings", "Selkävaivat",
        "healthPlanMade", true, "healthPlan", "Fysioterapia"));
    complete(caseNumber, "Task_AskConsent", "tyoterveys", entries("consentGiven", true, "consentIncludesHealth", false,
        "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1)));
    runtime.createMessageCorrelation("JobLossReported").processInstanceBusinessKey(caseNumber).correlate();
    runJobs(handover);

    Task takeOver = task(caseNumber, "Task_TakeOver");
    String offered = ((JsonValue) tasks.getVariableLocalTyped(takeOver.getId(),
        ResponsibilityRules.CASE_MANAGER_OPTIONS)).getValueSerialized();
    assertThat(offered).as("only coordinators").contains("\"value\":\"koordinaattori\"").doesNotContain("\"value\":\"tiimi\"");
    complete(caseNumber, "Task_TakeOver", "koordinaattori", entries("clientContacted", true, "caseManager", "koordinaattori",
        "followOnPath", "education", "clientExperience", 8));

    Responsible manager = responsible.current(caseNumber).orElseThrow();
    assertThat(manager.userId()).isEqualTo("koordinaattori");
    assertThat(manager.reason()).isEqualTo(Reason.TAKE_OVER);
    assertThat(responsible.history(caseNumber)).extracting(Responsible::userId).containsExactly("koordinaattori", "tyoterveys");
    assertThat(jdbc.queryForObject("select case_manager from handover where case_number = ?", String.class, caseNumber))
        .as("the hand-over records the person's name").isEqualTo("Kaisa Koordinaattori");
    assertThat(mailSubjects(caseNumber, "case-manager")).singleElement().asString()
        .isEqualTo("Sinulle on nimetty asiakasvastaava (" + caseNumber + ")");
    assertThat(mailBodies(caseNumber, "case-manager")).singleElement().asString().contains("Kaisa Koordinaattori")
        .contains("työterveyshuolto");
  }

  // --- helpers ---

  private ProcessInstance startReferral(String language) {
    Map<String, Object> form = TestReferrals.startForm(true);
    form.put("language", language);
    ProcessInstance referral = start("te-referral", form, "koordinaattori", "te-coordinator");
    runJobs(referral);
    return referral;
  }

  private ProcessInstance start(String processKey, Map<String, Object> form, String user, String group) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult().getId();
    identity.setAuthentication(user, List.of(group));
    try {
      ProcessInstance instance = Tasklist.start(engine, definitionId, form);
      assertThat(instance).isNotNull();
      return instance;
    } finally {
      identity.clearAuthentication();
    }
  }

  private void confirmTriage(ProcessInstance referral, String counsellor) {
    Map<String, Object> form = new HashMap<>();
    for (int item = 1; item <= 12; item++) {
      form.put("whodas" + item, 1);
    }
    form.put("initialInterviewDone", true);
    form.put("initialInterviewNotes", "Haluaa osa-aikatyötä");
    form.put("triageDecision", runtime.getVariable(referral.getId(), "triageProposal"));
    form.put("clientDeclined", false);
    complete(businessKey(referral), "Task_ConfirmTriage", counsellor, form);
  }

  private void book(ProcessInstance referral) {
    String caseNumber = businessKey(referral);
    assertThat(referral).isNotNull();
    complete(caseNumber, "Task_BookAppointment", "palveluohjaaja", entries("appointmentKind", "team-appointment",
        "appointmentAt", Instant.now().plus(7, ChronoUnit.DAYS), "appointmentPlace", "Sote-keskus, huone 12"));
    execute(job("Timer_AppointmentReminder"));
    runJobs(referral);
    assertThat(referral).isWaitingAt("Task_MapWorkAbility");
  }

  private static Map<String, Object> mapped(String caseManager) {
    return entries("appointmentAttended", true, "workAbilityAssessment", "Työkyky osittain alentunut",
        "supportPlan", "Ammatillinen kuntoutus", "followOnPaths", List.of("vocational-rehabilitation"),
        "caseManager", caseManager);
  }

  /** Claims the case's task as the user, completes it as Tasklist would and runs what follows (no timers). */
  private void complete(String caseNumber, String step, String user, Map<String, Object> entered) {
    Task task = task(caseNumber, step);
    tasks.claim(task.getId(), user);
    Tasklist.complete(task, entered);
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(this::runJobs);
  }

  /** Runs the instance's due jobs that are no timers until none is left. */
  private void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      var due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private Task task(String caseNumber, String step) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step).singleResult();
    assertThat(task).as(step).isNotNull();
    return task;
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private String businessKey(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey();
  }

  private User newNurse(String id) {
    User nurse = identity.createUserQuery().userId(id).singleResult();
    if (nurse != null) {
      return nurse;
    }
    nurse = identity.newUser(id);
    nurse.setFirstName("Toinen");
    nurse.setLastName("Terveydenhoitaja");
    identity.saveUser(nurse);
    identity.createMembership(id, "health-check-nurse");
    return identity.createUserQuery().userId(id).singleResult();
  }

  private List<String> mailSubjects(String caseNumber, String template) {
    return jdbc.queryForList("select subject from mail_outbox where case_number = ? and template = ? order by id",
        String.class, caseNumber, template);
  }

  private List<String> mailBodies(String caseNumber, String template) {
    return jdbc.queryForList("select body from mail_outbox where case_number = ? and template = ? order by id",
        String.class, caseNumber, template);
  }
}
