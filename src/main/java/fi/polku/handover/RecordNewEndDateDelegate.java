package fi.polku.handover;

import fi.polku.cases.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the corrected expected end of employment that came with the message; the path then
 * waits again, and the grace-period timer counts from the new date.
 */
@Component("recordNewEndDateDelegate")
class RecordNewEndDateDelegate implements JavaDelegate {

  private final HandoverService handovers;

  RecordNewEndDateDelegate(HandoverService handovers) {
    this.handovers = handovers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handovers.correctEndDate(execution.getProcessBusinessKey(),
        ProcessValues.date(execution, OhHandoverModel.EMPLOYMENT_END_DATE));
  }
}
