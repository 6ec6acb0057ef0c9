package fi.polku.healthcheck;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.onward.OnwardReferral;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.onward.OnwardStatus;
import fi.polku.security.StaffGroup;
import fi.polku.cases.PersonalDataVariables;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.notify.ClientNotices;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The automatic steps of path 2, each one bean with one job (named as in health-check-invitation.bpmn). */
@Configuration
@EnableConfigurationProperties(HealthCheckProperties.class)
class HealthCheckDelegates {

  /** An onward referral in one of these states is over: the route may be requested again. */
  private static final java.util.Set<OnwardStatus> CLOSED = java.util.EnumSet.of(OnwardStatus.COMPLETED,
      OnwardStatus.FAILED, OnwardStatus.CANCELLED);

  private static final Logger LOG = LoggerFactory.getLogger(HealthCheckDelegates.class);

  /** Intake from the Tasklist start form; the API's cohort rows were taken in before the start. */
  @Bean
  JavaDelegate registerHealthCheckDelegate(HealthCheckService checks) {
    return execution -> {
      if (execution.hasVariable(HealthCheckModel.HEALTH_CHECK_ID)) {
        return;
      }
      String wayIn = text(execution, HealthCheckModel.WAY_IN);
      String by = text(execution, HealthCheckModel.REQUESTED_BY);
      HealthCheckService.Intake intake = checks.open(new HealthCheckService.NewHealthCheck(
          PersonalIdentityCode.parse(text(execution, "identityCode")), text(execution, "clientName"),
          text(execution, "clientEmail"), text(execution, "clientPhone"), text(execution, "municipality"),
          wayIn, null, "walk-in".equals(wayIn) ? Agency.SOTE : Agency.TE, by == null ? "tasklist" : by));
      if (Boolean.TRUE.equals(execution.getVariable("consentGiven"))) {
        Object until = execution.getVariable("consentValidUntil");
        checks.recordConsent(intake.caseNumber(), until == null ? null : LocalDate.parse(until.toString().substring(0, 10)),
            Boolean.TRUE.equals(execution.getVariable("consentHealth")), by == null ? "tasklist" : by);
      }
      PersonalDataVariables.NAMES.forEach(execution::removeVariable);
      execution.setProcessBusinessKey(intake.caseNumber());
      execution.setVariable(HealthCheckModel.CASE_NUMBER, intake.caseNumber());
      execution.setVariable(HealthCheckModel.HEALTH_CHECK_ID, intake.healthCheckId());
      LOG.info("Case {}: health check {} taken in ({})", intake.caseNumber(), intake.healthCheckId(), wayIn);
    };
  }

  /**
   * Screens the client with the health-check-eligibility decision, unless the API's intake already
   * did for this row (the cohort import decides once per row, not twice: docs/performance.md).
   */
  @Bean
  JavaDelegate healthCheckEligibilityDelegate(DecisionService decisions) {
    return execution -> {
      if (execution.hasVariable(HealthCheckModel.ELIGIBLE)) {
        return;
      }
      Map<String, Object> input = new HashMap<>();
      for (String name : new String[] {"unemployed", "coveredByOccupationalHealth", "monthsSinceLastHealthCheck",
          "unemploymentMonths"}) {
        Object value = execution.getVariable(name);
        input.put(name, value instanceof Number number ? number.intValue() : value);
      }
      Map<String, Object> result = decisions.evaluateDecisionByKey("health-check-eligibility").variables(input)
          .evaluate().getSingleResult().getEntryMap();
      execution.setVariable(HealthCheckModel.ELIGIBLE, Boolean.TRUE.equals(result.get("eligible")));
      execution.setVariable("eligibilityReason", result.get("eligibilityReason"));
      execution.setVariable("priority", result.get("priority"));
    };
  }

  /** Invites the client by mail (how to book; voluntary, no sanctions). */
  @Bean
  JavaDelegate healthCheckInvitationDelegate(ClientNotices clients) {
    return execution -> mailClient(execution, clients, "health-check-invitation");
  }

  /** Reminds the client who has not booked. */
  @Bean
  JavaDelegate healthCheckReminderDelegate(ClientNotices clients) {
    return execution -> mailClient(execution, clients, "health-check-reminder");
  }

  /** Records the booked time for follow-up and evaluation, however it was booked (nurse or appointment system). */
  @Bean
  JavaDelegate healthCheckBookingDelegate(HealthCheckService checks) {
    return execution -> checks.recordBooking(execution.getProcessBusinessKey(),
        text(execution, HealthCheckModel.APPOINTMENT_AT));
  }

  /** Counts a missed appointment: the first is rebooked, the second closes the invitation. */
  @Bean
  JavaDelegate healthCheckMissedDelegate() {
    return execution -> {
      Object missed = execution.getVariable(HealthCheckModel.MISSED_APPOINTMENTS);
      execution.setVariable(HealthCheckModel.MISSED_APPOINTMENTS, (missed instanceof Number number ? number.intValue() : 0) + 1);
      execution.removeVariable(HealthCheckModel.ATTENDED);
    };
  }

  /**
   * Routes the checked client with the health-check-routing decision (hit policy COLLECT: every
   * route the findings call for) and records the outcome. Sets {@code routes} (all, in the table's
   * order), {@code route} (the first, the heaviest: kept for the evaluation), whether the
   * work-ability team is one of them, and the onward referrals to request ({@code onwardRoutes}:
   * route, service, reason). An unanswered question makes the whole routing "incomplete": nothing
   * is requested and the check goes back to the nurse.
   */
  @Bean
  JavaDelegate healthCheckRoutingDelegate(DecisionService decisions, HealthCheckService checks) {
    return execution -> {
      Map<String, Object> input = new HashMap<>();
      for (String name : new String[] {"whodasFlag", "rehabilitationNeed", "workAbilityConcern", "physicianNeeded"}) {
        input.put(name, execution.getVariable(name));
      }
      List<Map<String, Object>> results = decisions.evaluateDecisionByKey("health-check-routing").variables(input)
          .evaluate().getResultList();
      HealthCheckRoutes routes = HealthCheckRoutes.of(results);
      execution.setVariable(HealthCheckModel.ROUTES, String.join(",", routes.routes()));
      execution.setVariable(HealthCheckModel.ROUTE, routes.first());
      execution.setVariable("routeReason", routes.reason());
      execution.setVariable(HealthCheckModel.TO_WORK_ABILITY_TEAM, routes.routes().contains(HealthCheckRoutes.WORK_ABILITY_TEAM));
      execution.setVariable(HealthCheckModel.REFER_ONWARD, !routes.onward().isEmpty());
      execution.setVariable(HealthCheckModel.ONWARD_ROUTES, routes.onwardJson());
      checks.recordOutcome(execution.getProcessBusinessKey(), routes.first(), (String) execution.getVariable("whodasFlag"));
      checks.recordFindings(execution.getProcessBusinessKey(), new HealthCheckService.Findings(
          text(execution, "findings"), text(execution, "healthPlan"), text(execution, "clientView")), routes.reason());
    };
  }

  /**
   * Requests one onward referral per route that has a receiving service (physician, specialist
   * care, rehabilitation-need assessment): sent by the sote centre, the health-check nurses
   * responsible and the nurse who did the check as the worker, carrying the check's health content,
   * which the onward referral's own consent check lets across or not. A route already requested by
   * this path and still open is not requested twice.
   */
  @Bean
  JavaDelegate requestHealthCheckOnwardReferralsDelegate(OnwardReferrals referrals, HistoryService history) {
    return execution -> {
      String caseNumber = execution.getProcessBusinessKey();
      String nurse = completedBy(history, execution.getProcessInstanceId(), HealthCheckModel.TASK_HEALTH_CHECK);
      List<OnwardReferral> earlier = referrals.ofCase(caseNumber);
      for (HealthCheckRoutes.Onward onward : HealthCheckRoutes.onwardFrom(execution.getVariable(HealthCheckModel.ONWARD_ROUTES))) {
        OnwardService service = OnwardService.fromCode(onward.service());
        boolean open = earlier.stream().anyMatch(referral -> HealthCheckModel.PROCESS_KEY.equals(referral.sentByPath())
            && referral.service() == service && !CLOSED.contains(referral.status()));
        if (!open) {
          referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.SOTE, StaffGroup.HEALTH_CHECK_NURSE.id(),
              nurse, service, "Työttömien terveystarkastus: " + onward.reason(), ConsentScope.HEALTH,
              HealthCheckModel.PROCESS_KEY));
        }
      }
    };
  }

  /** Who completed the path's last task of that step (Tasklist or REST), or null when no user is known. */
  private static String completedBy(HistoryService history, String processInstanceId, String taskKey) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .finished().orderByHistoricTaskInstanceEndTime().desc().list().stream().findFirst()
        .flatMap(task -> history.createUserOperationLogQuery().taskId(task.getId())
            .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream().findFirst())
        .map(UserOperationLogEntry::getUserId).orElse(null);
  }

  private static void mailClient(DelegateExecution execution, ClientNotices clients, String template) {
    // A rebooked check is a new round: its mails go out again, once each.
    Object missed = execution.getVariable(HealthCheckModel.MISSED_APPOINTMENTS);
    clients.tell(execution, template, Map.of("caseNumber", execution.getProcessBusinessKey()),
        "round-" + (missed instanceof Number number ? number.intValue() + 1 : 1));
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
