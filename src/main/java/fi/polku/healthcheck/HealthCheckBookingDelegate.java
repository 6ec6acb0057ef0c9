package fi.polku.healthcheck;

import fi.polku.cases.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the booked time for follow-up and evaluation, however it was booked (nurse or appointment system). */
@Component("healthCheckBookingDelegate")
class HealthCheckBookingDelegate implements JavaDelegate {

  private final HealthCheckService checks;

  HealthCheckBookingDelegate(HealthCheckService checks) {
    this.checks = checks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    checks.recordBooking(execution.getProcessBusinessKey(), ProcessValues.text(execution, HealthCheckModel.APPOINTMENT_AT));
  }
}
