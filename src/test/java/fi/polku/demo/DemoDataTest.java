package fi.polku.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.calendar.WorkingDays;
import fi.polku.evaluation.EvaluationQuery;
import fi.polku.evaluation.EvaluationReport;
import fi.polku.evaluation.EvaluationService;
import fi.polku.evaluation.Figure;
import java.time.LocalDate;
import java.util.Optional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo data a newcomer sees: made-up clients driven through the real paths reach every end
 * state of all three, leave work on every group's list, and give no client a real identity code.
 * An in-memory database of its own, so nothing else counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:polku-demo-data;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class DemoDataTest {

  /** End events that close a side branch (reminder, escalation), never a whole path. */
  static final Set<String> BRANCH_ENDS = Set.of("EndEvent_EscalationHandled", "EndEvent_ReminderSent",
      "EndEvent_TakeOverEscalationHandled", "EndEvent_Reminded");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired WorkingDays workingDays;
  @Autowired JdbcTemplate jdbc;
  @Autowired EvaluationService evaluation;
  @Autowired org.springframework.core.env.Environment environment;
  @Autowired fi.polku.onward.UnaccountedCases unaccountedCases;

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  void madeUpClientsReachEveryEndStateAndLeaveWorkOnTheLists() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    DemoData demo = new DemoData(engine, workingDays, new ObjectMapper(), environment, 160, 2026, false);
    demo.generate("http://127.0.0.1:" + port, now, 160, 2026);

    // The routes of issue 17 are in the demo too.
    for (String[] step : new String[][] {{"te-referral", "Task_RecordRescheduling"},
        {"te-referral", "Task_RecordInvestigationResults"}, {"te-referral", "Task_ReviewPlanInSote"},
        {"oh-handover", "Task_RecordNewEndDate"}, {"oh-handover", "Task_EscalateTakeOver"},
        {"health-check-invitation", "Task_NotifyDeclined"}}) {
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(step[1]).list())
          .as("demo clients pass %s of %s", step[1], step[0])
          .anyMatch(activity -> activity.getProcessDefinitionId().startsWith(step[0] + ":"));
    }
    Set<String> reached = new HashSet<>();
    for (HistoricProcessInstance instance : engine.getHistoryService().createHistoricProcessInstanceQuery().finished().list()) {
      reached.add(instance.getProcessDefinitionKey() + "/" + instance.getEndActivityId());
    }
    for (String path : List.of("te-referral", "health-check-invitation", "oh-handover", "supported-employment")) {
      ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(path).latestVersion().singleResult();
      for (EndEvent end : engine.getRepositoryService().getBpmnModelInstance(definition.getId())
          .getModelElementsByType(EndEvent.class)) {
        if (!BRANCH_ENDS.contains(end.getId())) {
          assertThat(reached).as("demo clients end at %s of %s", end.getId(), path).contains(path + "/" + end.getId());
        }
      }
    }
    for (String group : List.of("te-coordinator", "sote-counsellor", "work-ability-team", "health-check-nurse",
        "oh-professional", "team-lead", "job-coach")) {
      // As the group's filter lists them: with the tasks assigned to the case's responsible worker.
      assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count())
          .as("open tasks of %s", group).isPositive();
    }
    Instant first = engine.getHistoryService().createHistoricProcessInstanceQuery().orderByProcessInstanceStartTime().asc()
        .listPage(0, 1).get(0).getStartTime().toInstant();
    assertThat(first).as("spread over the last 18 months").isBefore(now.minus(500, ChronoUnit.DAYS));
    assertThat(jdbc.queryForObject("select count(*) from client where temporary_identity = false", Integer.class))
        .as("every identity code is a temporary test code (individual number 900–999)").isZero();

    // The report is filled on the embedded database too, and agrees with the engine's history.
    EvaluationReport report = evaluation.report(new EvaluationQuery(LocalDate.now(WorkingDays.FINLAND).minusMonths(19), LocalDate.now(WorkingDays.FINLAND),
        Optional.empty(), Optional.empty()));
    long referrals = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("te-referral").count();
    assertThat(report.find("end-state", "te-referral", "EndEvent_PlanDeliveredFollowedUp", "count").value()).isPositive();
    assertThat(report.of("end-state").stream().filter(figure -> figure.path().equals("te-referral"))
        .mapToDouble(Figure::value).sum()).as("every referral has an end state or is open").isEqualTo(referrals);
    assertThat(report.find("lead-time", "te-referral", "referral-to-triage", "n").value()).isPositive();
    assertThat(report.find("lead-time", "oh-handover", "job-loss-to-coordinator", "median").value()).isNotNull();
    assertThat(report.find("invitation-response", "health-check-invitation", "invited", "count").value()).isPositive();
    // Supported employment (issue 18): every stage passed, and its own figures.
    for (String stage : List.of("Task_FirstMeeting", "Task_VocationalProfile", "Task_JobSearch", "Task_EmployerAgreement",
        "Task_FollowUp", "Task_RemindCoach")) {
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(stage).count())
          .as("demo clients pass %s of supported-employment", stage).isPositive();
    }
    assertThat(report.find("supported-employment", "supported-employment", "clients", "count").value()).isPositive();
    assertThat(report.find("supported-employment-time", "supported-employment", "start-to-first-contact", "median").value())
        .isNotNull();

    // Onward referrals in every state (issue 15, DemoOnwardReferrals), on the team lead's list and in the report.
    assertThat(jdbc.queryForList("select distinct status from onward_referral", String.class))
        .contains("requested", "accepted", "in-progress", "completed", "rejected", "cancelled");
    assertThat(count("select count(*) from onward_referral o where o.status = 'cancelled' and exists (select 1 from"
        + " onward_referral_status_history h where h.onward_referral_id = o.id and h.status = 'rejected')"))
        .as("rejected, then closed by the sender's decision").isPositive();
    assertThat(count("select count(*) from onward_referral o where o.replaces_id is not null and o.status = 'accepted'"))
        .as("rejected, then sent elsewhere and accepted there").isPositive();
    assertThat(count("select count(*) from onward_referral where status = 'rejected' and unaccounted_since is not null"))
        .as("rejected, the sender undecided").isPositive();
    assertThat(count("select count(*) from onward_referral where status = 'requested' and unaccounted_since is not null"
        + " and status_reason = 'Ei vastausta määräajassa'")).as("unanswered past the deadline").isPositive();
    assertThat(count("select count(*) from onward_referral where status = 'requested' and unaccounted_since is null"
        + " and sent_at is not null")).as("waiting within the deadline").isPositive();
    assertThat(count("select count(*) from onward_referral where status = 'cancelled' and status_reason like 'Lähete annettu asiakkaalle%'"))
        .as("given to the client").isPositive();
    assertThat(count("select count(*) from onward_referral o where o.status = 'cancelled' and exists (select 1 from"
        + " onward_referral_status_history h where h.onward_referral_id = o.id and h.status = 'cancelled'"
        + " and h.changed_by = 'sote-system')")).as("cancelled by the sender's system").isPositive();
    List<Object> shared = engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("feedbackShared")
        .list().stream().map(variable -> variable.getValue()).toList();
    assertThat(shared).as("completed with and without consent for the feedback").contains(true, false);
    List<fi.polku.onward.UnaccountedCases.UnaccountedCase> unaccounted = unaccountedCases.list();
    assertThat(unaccounted).flatExtracting(fi.polku.onward.UnaccountedCases.UnaccountedCase::reasons)
        .extracting(fi.polku.onward.UnaccountedCases.Reason::gap)
        .contains(fi.polku.onward.UnaccountedCases.Gap.ONWARD_REJECTED, fi.polku.onward.UnaccountedCases.Gap.ONWARD_UNANSWERED);
    assertThat(report.find("unaccounted", "all", "unaccounted-cases", "count").value()).isEqualTo((double) unaccounted.size());
    assertThat(report.find("onward-referrals", "onward-referral", "esh-multiprofessional-assessment", "count").value()).isPositive();
    assertThat(report.find("onward-acceptance", "onward-referral", "total", "median").value()).isNotNull();
  }
}
