package fi.polku.handover;

import fi.polku.cases.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Records the screening's answer with the hand-over when Task_Screen ends: the decision
 * oh-handover-screening itself is taken in the diagram (a business-rule task), this only keeps its
 * answer in our table for the evaluation.
 */
@Component("recordScreeningListener")
class RecordScreeningListener implements ExecutionListener {

  private final HandoverService handovers;

  RecordScreeningListener(HandoverService handovers) {
    this.handovers = handovers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    handovers.recordScreening((Long) execution.getVariable(OhHandoverModel.HANDOVER_ID),
        ProcessValues.flag(execution, OhHandoverModel.IN_TARGET_GROUP));
  }
}
