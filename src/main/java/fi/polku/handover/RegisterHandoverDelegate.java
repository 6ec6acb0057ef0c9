package fi.polku.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The start form's door: the instance Tasklist started goes through the path's one intake. */
@Component("registerHandoverDelegate")
class RegisterHandoverDelegate implements JavaDelegate {

  private final HandoverIntake intake;

  RegisterHandoverDelegate(HandoverIntake intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    intake.adopt(execution);
  }
}
