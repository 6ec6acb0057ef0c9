package fi.polku;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import fi.polku.engine.TasklistForm;
import fi.polku.support.Browser;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.Tasklist;
import fi.polku.support.TasklistPage;
import fi.polku.support.TestReferrals;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every user-task form and start form of every path, submitted in real Tasklist in headless
 * Chromium by a member of the group that does the step, filled in field by field as they would
 * (every required field, checklist, select and date): the task is gone afterwards, Tasklist shows
 * no error notice, and the process has moved on to its next step. This is the test that a form
 * the engine cannot take (a checklist's Json value, say) fails, though every REST test passes.
 */
class TasklistFormsIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final String COORDINATOR = "it-koordinaattori";
  static final String COUNSELLOR = "it-palveluohjaaja";
  static final String TEAM = "it-tiimi";
  static final String LEAD = "it-esihenkilo";
  static final String NURSE = "it-terveydenhoitaja";
  static final String OH = "it-tyoterveys";
  static final String SPECIALIST = "it-erikoissairaanhoito";
  static final String COACH = "it-valmentaja";

  /** The forms submitted in this class's run, to show at the end that none was left out. */
  static final Set<String> SUBMITTED = new TreeSet<>();
  /** The processes that ran to their end here; the check that no form was left out needs all five. */
  static final java.util.concurrent.atomic.AtomicInteger PATHS_DONE = new java.util.concurrent.atomic.AtomicInteger();

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;

  static Browser browser;
  TasklistPage tasklist;
  HttpTestClient http;
  String loggedIn;

  @BeforeAll
  static void openBrowser() throws IOException {
    Browser.assumeAvailable();
    browser = new Browser();
  }

  @AfterAll
  static void everyFormWasSubmitted() throws IOException {
    if (browser == null) {
      return;
    }
    browser.close();
    if (PATHS_DONE.get() < 5) {
      return; // a path failed (its own failure says why) or only some were run
    }
    try (var files = Files.list(Path.of("forms"))) {
      Set<String> forms = files.map(file -> file.getFileName().toString().replace(".form", ""))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(SUBMITTED).as("forms submitted in Tasklist").isEqualTo(forms);
    }
  }

  @BeforeEach
  void staffAndPage() {
    staff(COORDINATOR, "te-coordinator");
    staff(COUNSELLOR, "sote-counsellor");
    staff(TEAM, "work-ability-team");
    staff(LEAD, "team-lead");
    staff(NURSE, "health-check-nurse");
    staff(OH, "oh-professional");
    staff(SPECIALIST, "specialist-care");
    staff(COACH, "job-coach");
    tasklist = new TasklistPage(browser, port);
    http = new HttpTestClient(port);
    loggedIn = null;
  }

  /** What the browser showed at the end of each test, for a person to look at (and for a failure's cause). */
  @AfterEach
  void picture(org.junit.jupiter.api.TestInfo test) throws IOException {
    browser.screenshot(Path.of("target", "tasklist-forms", test.getTestMethod().orElseThrow().getName() + ".png"));
  }

  @Test
  void aTeReferralRunsThroughEveryFormInTasklist() throws Exception {
    String instance = startInTasklist(COORDINATOR, "te-referral", Tasklist.entries(
        "identityCode", TestReferrals.randomTestCode(), "clientName", "Testi Asiakas",
        "clientEmail", "asiakas@polku.invalid", "clientPhone", "040 000 0000", "municipality", "Jyväskylä",
        "unemploymentMonths", 26, "partialWorkAbility", true, "longTermUnemployed", true,
        "referralReason", "Toistuvia työttömyysjaksoja, osatyökykyisyys", "coordinatorQuestion", "Mikä tukisi työllistymistä?",
        "clientGoal", "Osa-aikatyö", "clientMotivation", "high", "consentGiven", true, "consentHealth", true,
        "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusMonths(6)));

    // Triage is late: the SLA's timer gives the team lead a task beside the counsellor's.
    advance(instance, "Timer_TriageSla");
    submit(LEAD, instance, "Task_EscalateTriage", Tasklist.entries(
        "escalationNote", "Ruuhkaa palveluohjauksessa; ohjaus sovittu tehtäväksi tällä viikolla."));
    Map<String, Object> triage = Tasklist.entries("initialInterviewDone", true,
        "initialInterviewNotes", "Haluaa osa-aikatyötä; selkä kipeytyy seisoessa.", "benefitsAdviceGiven", true,
        "benefitsAdviceNotes", "Soviteltu työttömyysetuus ja kuntoutusraha", "kykyviisariScore", 6,
        "triageDecision", "team-appointment");
    for (int item = 1; item <= 12; item++) {
      triage.put("whodas" + item, item % 3);
    }
    submit(COUNSELLOR, instance, "Task_ConfirmTriage", triage);
    // Investigations first: laboratory, then the results, then the team's time.
    submit(COUNSELLOR, instance, "Task_BookAppointment", Tasklist.entries("appointmentKind", "investigations",
        "appointmentAt", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS),
        "appointmentPlace", "Laboratorio, Kauppakatu 1"));
    advance(instance, "Timer_AppointmentReminder");
    submit(COUNSELLOR, instance, "Task_RecordInvestigationResults", Tasklist.entries(
        "investigationResults", "Lääkärin arvio: selkä, ei estettä kevyelle työlle"));
    submit(COUNSELLOR, instance, "Task_BookAppointment", Tasklist.entries("appointmentKind", "team-appointment",
        "appointmentAt", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS),
        "appointmentPlace", "Sote-keskus, huone 12"));
    advance(instance, "Timer_AppointmentReminder");
    submit(TEAM, instance, "Task_MapWorkAbility", Tasklist.entries("appointmentAttended", true,
        "workAbilityAssessment", "Työkyky osittain alentunut", "supportPlan", "Ammatillinen kuntoutus ja työkokeilu",
        "followOnPaths", List.of("vocational-rehabilitation", "supported-employment"), "caseManager", TEAM));
    String caseNumber = businessKey(instance);
    assertThat(jdbc.queryForMap("select m.follow_on_paths, r.status from referral r join referral_mapping m"
            + " on m.referral_id = r.id where r.case_number = ?", caseNumber))
        .containsEntry("follow_on_paths", "vocational-rehabilitation,supported-employment")
        .containsEntry("status", "in-progress");

    // The coordinator's review shows the team's checklist as it was ticked.
    submit(COORDINATOR, instance, "Task_ReviewPlan", Tasklist.entries("planReviewed", true,
        "coordinatorNote", "Sovittu asiakkaan kanssa"), page -> {
          TasklistForm.Field paths = TasklistForm.byId("te-referral-plan-review").field("followOnPaths");
          List<Boolean> ticked = new ArrayList<>();
          for (int index = 0; index < paths.options().size(); index++) {
            ticked.add(page.browser().driver().findElement(org.openqa.selenium.By.cssSelector(
                "[id$='-" + paths.componentId() + "-" + index + "']")).isSelected());
          }
          assertThat(ticked.get(paths.options().indexOf("vocational-rehabilitation"))).isTrue();
          assertThat(ticked.get(paths.options().indexOf("supported-employment"))).isTrue();
          assertThat(ticked.stream().filter(Boolean::booleanValue).count()).isEqualTo(2);
        });
    advance(instance, "Timer_FollowUp3");
    submit(TEAM, instance, "Task_FollowUp3", Tasklist.entries("outcome3", "education", "satisfaction3", 9,
        "whodasSum3", 10, "kykyviisariScore3", 7, "followUpNote3", "Opiskelee"));
    advance(instance, "Timer_FollowUp6");
    submit(TEAM, instance, "Task_FollowUp6", Tasklist.entries("outcome6", "employed", "satisfaction6", 10,
        "whodasSum6", 8, "kykyviisariScore6", 8, "followUpNote6", "Työllistyi"));

    assertEnded(instance);
    assertThat(jdbc.queryForObject("select status from referral where case_number = ?", String.class, caseNumber))
        .isEqualTo("completed");
  }

  @Test
  void aHealthCheckRunsThroughEveryFormInTasklist() throws Exception {
    String instance = startInTasklist(NURSE, "health-check-invitation", Tasklist.entries(
        "wayIn", "referral", "identityCode", TestReferrals.randomTestCode(), "clientName", "Testi Asiakas",
        "clientEmail", "asiakas@polku.invalid", "municipality", "Vaasa", "unemploymentMonths", 14,
        "unemployed", true, "coveredByOccupationalHealth", false, "hadHealthCheck", true,
        "monthsSinceLastHealthCheck", 40,
        "referralReason", "Pitkä työttömyys, ei terveystarkastusta viiteen vuoteen",
        "consentGiven", true, "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusMonths(6)));
    submit(NURSE, instance, "Task_RecordBooking", Tasklist.entries("clientDeclined", false,
        "appointmentAt", Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS),
        "appointmentPlace", "Terveysasema, huone 3"));
    Map<String, Object> check = Tasklist.entries("attended", true, "findings", "Verenpaine koholla, uniongelmia",
        "kykyviisariScore", 6, "workAbilityConcern", false, "physicianNeeded", true, "rehabilitationNeed", false,
        "clientView", "Haluaa kuntoutua töihin", "healthPlan", "Liikuntaa ja unirytmi");
    for (int item = 1; item <= 12; item++) {
      check.put("whodas" + item, item % 2);
    }
    submit(NURSE, instance, "Task_HealthCheck", check);
    assertEnded(instance);
  }

  @Test
  void anOccupationalHealthHandOverRunsThroughEveryFormInTasklist() throws Exception {
    String instance = startInTasklist(OH, "oh-handover", Tasklist.entries(
        "identityCode", TestReferrals.randomTestCode(), "clientName", "Testi Asiakas", "clientEmail", "asiakas@polku.invalid",
        "municipality", "Pori", "providerName", "Työterveys Esimerkki Oy", "employerName", "Konepaja Esimerkki Oy",
        "employmentEndDate", LocalDate.now(WorkingDays.FINLAND).plusDays(20), "changeSecurity", false, "partialWorkAbility", true,
        "threatOfUnemployment", true));
    submit(OH, instance, "Task_ExtendedHealthCheck", Tasklist.entries("statutoryDone", true, "statutoryMinutes", 30,
        "workAbilitySupportAgreed", true, "pilotDone", true, "pilotMinutes", 45, "careerReviewDone", true,
        "findings", "Selkävaivat rajoittavat raskasta työtä", "kykyviisariScore", 5, "rehabilitationNeed", true,
        "healthPlanMade", true, "healthPlan", "Fysioterapia ja kevyempi työ", "furtherInvestigations", "none",
        "guidanceToEmploymentServices", true));
    submit(OH, instance, "Task_AskConsent", Tasklist.entries("consentGiven", true, "consentIncludesHealth", false,
        "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusMonths(6)));
    // After the consent question: the notice goes to the chosen receiver as an onward referral.
    submit(OH, instance, "Task_SendRehabilitationNotice", Tasklist.entries(
        "rehabilitationService", "pension-vocational-rehabilitation", "rehabilitationConsentGiven", true,
        "rehabilitationConsentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusMonths(6)));
    // The employment ends: the employment services' system reports it, and the coordinator takes over.
    assertThat(http.send(http.request("/api/oh-handovers/" + businessKey(instance) + "/job-loss", "te-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build())
        .statusCode()).isEqualTo(202);
    // The coordinator is late: the team lead is told and sorts it out.
    advance(instance, "Timer_TakeOverDue");
    submit(LEAD, instance, "Task_EscalateTakeOver", Tasklist.entries(
        "escalationNote", "Koordinaattori soittaa asiakkaalle tänään."));
    submit(COORDINATOR, instance, "Task_TakeOver", Tasklist.entries("clientContacted", true, "caseManager", COORDINATOR,
        "followOnPath", "work", "followOnNote", "Työnhaku käynnissä", "clientExperience", 8));
    assertEnded(instance);
  }

  @Test
  void aRedFlagGoesToSpecialistCareAndComesBackToTheCounsellorInTasklist() throws Exception {
    String instance = startInTasklist(COORDINATOR, "te-referral", Tasklist.entries(
        "identityCode", TestReferrals.randomTestCode(), "clientName", "Testi Asiakas",
        "clientEmail", "asiakas@polku.invalid", "clientPhone", "040 000 0000", "municipality", "Pori",
        "unemploymentMonths", 14, "partialWorkAbility", true, "longTermUnemployed", true,
        "referralReason", "Osatyökykyisyys", "coordinatorQuestion", "Mikä tukisi työllistymistä?",
        "clientGoal", "Osa-aikatyö", "clientMotivation", "moderate", "consentGiven", true, "consentHealth", true,
        "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusMonths(6)));
    Map<String, Object> triage = Tasklist.entries("initialInterviewDone", true,
        "initialInterviewNotes", "Ei pysty seisomaan pitkään", "benefitsAdviceGiven", true,
        "benefitsAdviceNotes", "Kuntoutusraha", "kykyviisariScore", 3, "triageDecision", "team-appointment");
    for (int item = 1; item <= 12; item++) {
      triage.put("whodas" + item, item == 1 ? 4 : 1);
    }
    submit(COUNSELLOR, instance, "Task_ConfirmTriage", triage);
    String caseNumber = businessKey(instance);
    String onward = runtimeService.createProcessInstanceQuery().processDefinitionKey("onward-referral")
        .processInstanceBusinessKey(caseNumber).singleResult().getId();
    submit(COUNSELLOR, onward, "Task_ObtainConsent", Tasklist.entries("consentAction", "record-consent",
        "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusMonths(6)));
    submit(SPECIALIST, onward, "Task_ReceiveReferral", Tasklist.entries("answer", "accept",
        "firstAppointmentAt", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)));
    submit(SPECIALIST, onward, "Task_RecordFeedback", Tasklist.entries("outcome", "completed",
        "feedback", "Moniammatillinen arvio: osa-aikatyö tuettuna"));
    submit(COUNSELLOR, onward, "Task_ReviewFeedback", Tasklist.entries("feedbackReviewed", true));
    submit(COUNSELLOR, instance, "Task_DecideAfterSpecialistCare", Tasklist.entries("afterSpecialistCare", "close",
        "specialistCareCloseReason", "treatment-continues", "specialistCareCloseNote", "Kuntoutus jatkuu"));

    assertEnded(instance);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_ClosedAfterSpecialistCare");
  }

  @Test
  void anOnwardReferralRunsThroughEveryFormInTasklist() throws Exception {
    java.net.http.HttpResponse<String> opened = http.send(http.request("/api/cases", "sote-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"identityCode\":\"" + TestReferrals.randomTestCode() + "\",\"municipality\":\"Pori\"}")).build());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String caseNumber = new com.fasterxml.jackson.databind.ObjectMapper().readTree(opened.body()).get("caseNumber").asText();

    // No consent to specialist care yet: nothing crosses, the counsellor records the client's consent.
    String instance = startInTasklist(COUNSELLOR, "onward-referral", Tasklist.entries(
        "caseNumber", caseNumber, "receivingService", "esh-multiprofessional-assessment",
        "onwardReason", "Moniammatillinen arvio työkyvystä", "contentScope", "plan"));
    submit(COUNSELLOR, instance, "Task_ObtainConsent", Tasklist.entries("consentAction", "record-consent",
        "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusMonths(6)));
    // Specialist care first refuses, the counsellor calls and asks again, then it accepts.
    submit(SPECIALIST, instance, "Task_ReceiveReferral", Tasklist.entries("answer", "reject",
        "rejectionReason", "Lähetteestä puuttuu kysymys"));
    submit(COUNSELLOR, instance, "Task_DecideNext", Tasklist.entries("onwardDecision", "wait"));
    submit(SPECIALIST, instance, "Task_ReceiveReferral", Tasklist.entries("answer", "accept",
        "firstAppointmentAt", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)));
    submit(SPECIALIST, instance, "Task_RecordFeedback", Tasklist.entries("outcome", "completed",
        "feedback", "Arvio tehty: ammatillinen kuntoutus suositeltava"));
    submit(COUNSELLOR, instance, "Task_ReviewFeedback", Tasklist.entries("feedbackReviewed", true,
        "followUpNote", "Haetaan Kelan ammatillista kuntoutusta"));

    assertEnded(instance);
    assertThat(jdbc.queryForObject("select status from onward_referral where case_number = ?", String.class, caseNumber))
        .isEqualTo("completed");
  }

  @Test
  void aSupportedEmploymentRunsThroughEveryFormInTasklist() throws Exception {
    java.net.http.HttpResponse<String> opened = http.send(http.request("/api/cases", "sote-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"identityCode\":\"" + TestReferrals.randomTestCode() + "\",\"municipality\":\"Pori\"}")).build());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String caseNumber = new com.fasterxml.jackson.databind.ObjectMapper().readTree(opened.body()).get("caseNumber").asText();

    // The counsellor refers the client onward to supported employment; the job coach accepts in Tasklist.
    String onward = startInTasklist(COUNSELLOR, "onward-referral", Tasklist.entries("caseNumber", caseNumber,
        "receivingService", "supported-employment-ips", "onwardReason", "Haluaa töihin kauppaan", "contentScope", "plan"));
    submit(COACH, onward, "Task_ReceiveReferral", Tasklist.entries("answer", "accept",
        "firstAppointmentAt", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)));
    String path = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("supported-employment")
        .processInstanceBusinessKey(caseNumber).singleResult().getId();
    submit(COACH, path, "Task_FirstMeeting", Tasklist.entries("cooperation", "agreed"));
    submit(COACH, path, "Task_VocationalProfile", Tasklist.entries("workHistory", "Kaupan kassa 4 vuotta",
        "education", "Merkonomi", "skills", "Asiakaspalvelu", "workWishes", "Kauppa, aamuvuorot",
        "kykyviisariScore", 6, "kykyviisariDiscussed", true));
    submit(COACH, path, "Task_JobSearch", Tasklist.entries("searchStep", "contact", "employerName", "Lähikauppa Oy",
        "contactDate", LocalDate.now(WorkingDays.FINLAND), "contactOutcome", "interview"));
    submit(COACH, path, "Task_JobSearch", Tasklist.entries("searchStep", "job-found"));
    submit(COACH, path, "Task_EmployerAgreement", Tasklist.entries("agreement", "reached", "employerName",
        "Lähikauppa Oy", "jobTitle", "Myyjä", "jobStartDate", LocalDate.now(WorkingDays.FINLAND).plusDays(7), "weeklyHours", 25,
        "arrangement", "wage-subsidy", "employerConsent", true, "employerConsentUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1),
        "employerDisclosure", "Tuettu työllistyminen ja valmentajan yhteystiedot"));
    advance(path, "Timer_FollowUpDue");
    submit(COACH, path, "Task_FollowUp", Tasklist.entries("clientView", "Työ sujuu", "employerView", "Hyvä alku",
        "kykyviisariScore", 7, "jobStatus", "support-ended"));
    assertEnded(path);
    assertThat(jdbc.queryForObject("select status from onward_referral where case_number = ?", String.class, caseNumber))
        .isEqualTo("completed");

    // A self-referral at the sote centre, through the path's own start form.
    String self = startInTasklist(COACH, "supported-employment", Tasklist.entries("caseNumber", caseNumber,
        "entryRoute", "self-referral"));
    submit(COACH, self, "Task_FirstMeeting", Tasklist.entries("cooperation", "declined",
        "cooperationNote", "Haluaa hakea töitä itse"));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(self).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Declined");
  }

  /** Starts the process from Tasklist's "Käynnistä prosessi" as the user; its instance id. */
  private String startInTasklist(String user, String processKey, Map<String, Object> entered) {
    logIn(user);
    String definitionId = repositoryDefinition(processKey);
    TasklistForm form = TasklistForm.ofStart(formService, definitionId);
    Date before = new Date(System.currentTimeMillis() - 1000);
    String name = historyServiceName(definitionId);
    tasklist.start(name, form, entered);
    TasklistPage.waitUntil(processKey + " started from Tasklist (errors: " + tasklist.errors() + tasklist.fieldErrors() + ")",
        () -> !started(processKey, before).isEmpty());
    assertThat(tasklist.errors()).as("Tasklist's error notices").isEmpty();
    SUBMITTED.add(form.id());
    String instance = started(processKey, before).get(0).getId();
    advance(instance);
    return instance;
  }

  private void submit(String user, String instance, String step, Map<String, Object> entered) {
    submit(user, instance, step, entered, page -> { });
  }

  /** Completes the step's task in Tasklist as the user, after {@code look}ing at the form as shown. */
  private void submit(String user, String instance, String step, Map<String, Object> entered,
      java.util.function.Consumer<TasklistPage> look) {
    advance(instance);
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).list();
    assertThat(tasks).as("the process has moved on to %s; it went through %s", step, historyOf(instance)).hasSize(1);
    String taskId = tasks.get(0).getId();
    boolean assignedToUser = user.equals(tasks.get(0).getAssignee());
    TasklistForm form = TasklistForm.ofTask(formService, taskId);
    logIn(user);
    tasklist.show(taskId);
    look.accept(tasklist);
    tasklist.complete(taskId, form, entered, assignedToUser);
    TasklistPage.waitUntil(step + " completed in Tasklist (errors: " + tasklist.errors() + tasklist.fieldErrors() + ")",
        () -> taskService.createTaskQuery().taskId(taskId).count() == 0 || !tasklist.errors().isEmpty());
    assertThat(tasklist.errors()).as("Tasklist's error notices after " + step).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as(step + " is done").isZero();
    SUBMITTED.add(form.id());
    advance(instance);
  }

  private void logIn(String user) {
    if (!user.equals(loggedIn)) {
      tasklist.logIn(user, STAFF_PASSWORD);
      loggedIn = user;
    }
  }

  /** Runs the instance's waiting save points, and the named timers as if their time had come. */
  private void advance(String instance, String... timers) {
    Set<String> due = Set.of(timers);
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instance).list().stream()
          .filter(job -> job.getDuedate() == null || !isTimer(job) || due.contains(activityOf(job))).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private boolean isTimer(Job job) {
    return managementService.createJobQuery().jobId(job.getId()).timers().count() > 0;
  }

  private List<HistoricProcessInstance> started(String processKey, Date after) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).startedAfter(after).list();
  }

  private String repositoryDefinition(String processKey) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getId();
  }

  private String historyServiceName(String definitionId) {
    return repositoryService.getProcessDefinition(definitionId).getName();
  }

  private List<String> historyOf(String instance) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .map(step -> step.getActivityId() + (step.getEndTime() == null ? " (waiting)" : "")).toList();
  }

  private String businessKey(String instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
  }

  private void assertEnded(String instance) {
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance)
        .singleResult();
    assertThat(ended.getEndTime()).as("the path has ended").isNotNull();
    assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    PATHS_DONE.incrementAndGet();
  }
}
