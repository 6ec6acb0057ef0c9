package fi.polku.healthcheck;

import fi.polku.cases.ProcessValues;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the routing decision (Task_Route, a business-rule task on health-check-routing, hit policy
 * COLLECT), what must be Java (Task_RecordRoutes): the rows become the few variables the gateways
 * read — {@code routes} (all, in the table's order), {@code route} (the first, the heaviest: kept
 * for the evaluation), whether the work-ability team is one of them, and the onward referrals to
 * request ({@code onwardRoutes}: route, service, reason) — and the outcome and the nurse's content
 * go to our table. An unanswered question makes the whole routing "incomplete": nothing is
 * requested and the check goes back to the nurse.
 */
@Component("recordHealthCheckRoutesDelegate")
class RecordHealthCheckRoutesDelegate implements JavaDelegate {

  private final HealthCheckService checks;

  RecordHealthCheckRoutesDelegate(HealthCheckService checks) {
    this.checks = checks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) execution.getVariable(HealthCheckModel.ROUTING_RESULTS);
    HealthCheckRoutes routes = HealthCheckRoutes.of(rows == null ? List.of() : rows);
    // The rows live on as the variables below and in health_check; the list itself is no business record.
    execution.removeVariable(HealthCheckModel.ROUTING_RESULTS);
    execution.setVariable(HealthCheckModel.ROUTES, String.join(",", routes.routes()));
    execution.setVariable(HealthCheckModel.ROUTE, routes.first());
    execution.setVariable("routeReason", routes.reason());
    execution.setVariable(HealthCheckModel.TO_WORK_ABILITY_TEAM, routes.routes().contains(HealthCheckRoutes.WORK_ABILITY_TEAM));
    execution.setVariable(HealthCheckModel.REFER_ONWARD, !routes.onward().isEmpty());
    execution.setVariable(HealthCheckModel.ONWARD_ROUTES, routes.onwardJson());
    String caseNumber = execution.getProcessBusinessKey();
    checks.recordOutcome(caseNumber, routes.first(), ProcessValues.text(execution, "whodasFlag"));
    checks.recordFindings(caseNumber, new HealthCheckService.Findings(ProcessValues.text(execution, "findings"),
        ProcessValues.text(execution, "healthPlan"), ProcessValues.text(execution, "clientView")), routes.reason());
  }
}
