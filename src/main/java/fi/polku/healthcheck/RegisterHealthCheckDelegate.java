package fi.polku.healthcheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Tasklist start form's door (Task_RegisterHealthCheck): hands the instance the form started to
 * the intake, which validates, screens, opens the case and records the request as for every way in.
 * Only the form's start event leads here; an API row starts after its intake (StartEvent_RequestedViaApi).
 */
@Component("registerHealthCheckDelegate")
class RegisterHealthCheckDelegate implements JavaDelegate {

  private final HealthCheckIntake intake;

  RegisterHealthCheckDelegate(HealthCheckIntake intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    intake.adopt(execution);
  }
}
