package fi.polku.healthcheck;

import fi.polku.cases.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts a missed appointment: the first is rebooked, the second closes the invitation. */
@Component("healthCheckMissedDelegate")
class HealthCheckMissedDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Integer missed = ProcessValues.integer(execution, HealthCheckModel.MISSED_APPOINTMENTS);
    execution.setVariable(HealthCheckModel.MISSED_APPOINTMENTS, (missed == null ? 0 : missed) + 1);
    execution.removeVariable(HealthCheckModel.ATTENDED);
  }
}
