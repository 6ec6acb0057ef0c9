package fi.polku.healthcheck;

import fi.polku.cases.Agency;
import fi.polku.cases.PersonalDataVariables;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.notify.ClientNotices;
import fi.polku.referral.TeReferralModel;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The automatic steps of path 2, each one bean with one job (named as in health-check-invitation.bpmn). */
@Configuration
@EnableConfigurationProperties(HealthCheckProperties.class)
class HealthCheckDelegates {

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

  /** Routes the checked client with the health-check-routing decision and records the outcome. */
  @Bean
  JavaDelegate healthCheckRoutingDelegate(DecisionService decisions, HealthCheckService checks) {
    return execution -> {
      Map<String, Object> input = new HashMap<>();
      for (String name : new String[] {"whodasFlag", "rehabilitationNeed", "workAbilityConcern", "physicianNeeded"}) {
        input.put(name, execution.getVariable(name));
      }
      Map<String, Object> result = decisions.evaluateDecisionByKey("health-check-routing").variables(input)
          .evaluate().getSingleResult().getEntryMap();
      execution.setVariable(HealthCheckModel.ROUTE, result.get("route"));
      execution.setVariable("routeReason", result.get("routeReason"));
      checks.recordOutcome(execution.getProcessBusinessKey(), (String) result.get("route"),
          (String) execution.getVariable("whodasFlag"));
      checks.recordFindings(execution.getProcessBusinessKey(), new HealthCheckService.Findings(
          text(execution, "findings"), text(execution, "healthPlan"), text(execution, "clientView")),
          (String) result.get("routeReason"));
    };
  }

  /**
   * Starts path 1 (te-referral) for the same case by a message: routed to the work-ability team.
   * The nurse's findings, WHODAS answers and Kykyviisari go with it, so the sote centre's own team
   * does not ask the client again (the check's WHODAS sum and flag are found as a recent measurement).
   */
  @Bean
  JavaDelegate startReferralFromHealthCheckDelegate(RuntimeService runtimeService, HealthCheckService checks) {
    return execution -> {
      Map<String, Object> carried = new HashMap<>();
      for (int item = 1; item <= 12; item++) {
        carried.put("whodas" + item, execution.getVariable("whodas" + item));
      }
      carried.put(TeReferralModel.HEALTH_CHECK_FINDINGS, execution.getVariable("findings"));
      carried.put(TeReferralModel.HEALTH_CHECK_KYKYVIISARI, execution.getVariable("kykyviisariScore"));
      // A walk-in's referrer is the nurse: the plan comes back to the health-check nurses, inside the sote centre.
      boolean walkIn = "walk-in".equals(execution.getVariable(HealthCheckModel.WAY_IN));
      carried.put(TeReferralModel.REFERRER_GROUP, walkIn ? "health-check-nurse" : "te-coordinator");
      carried.put(TeReferralModel.REFERRER_AGENCY, walkIn ? Agency.SOTE.code() : Agency.TE.code());
      startReferral(runtimeService, checks, execution, carried);
    };
  }

  private static void startReferral(RuntimeService runtimeService, HealthCheckService checks,
      DelegateExecution execution, Map<String, Object> carried) {
    runtimeService.createMessageCorrelation(HealthCheckModel.MESSAGE_REFERRAL_REQUESTED)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariables(carried)
        .setVariable("referredBy", checks.requestedBy(execution.getProcessBusinessKey()))
        .setVariable("referralReason", "Työttömien terveystarkastus: työkykyyn liittyvä huoli")
        .setVariable("coordinatorQuestion", "Työkyvyn tuen kartoitus terveystarkastuksen jälkeen")
        .setVariable(TeReferralModel.WAY_IN, "health-check")
        .setVariable("partialWorkAbility", true)
        .setVariable("longTermUnemployed", false)
        .setVariable("unmappedHealthProblems", false)
        .setVariable("unclearOverallSituation", false)
        .setVariable("missingEducation", false)
        .setVariable("needsSeveralServices", false)
        .setVariable("employed", false)
        .correlateStartMessage();
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
