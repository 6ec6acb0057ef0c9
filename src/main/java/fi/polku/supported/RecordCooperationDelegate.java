package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stage 1: whether the client and the coach agreed to work together; no readiness is tested. */
@Component("recordCooperationDelegate")
class RecordCooperationDelegate implements JavaDelegate {

  private final SupportedEmployments coachings;

  RecordCooperationDelegate(SupportedEmployments coachings) {
    this.coachings = coachings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    coachings.cooperation(Steps.coachingId(execution), (String) execution.getVariable(COOPERATION));
    execution.removeVariable(COOPERATION_NOTE);
  }
}
