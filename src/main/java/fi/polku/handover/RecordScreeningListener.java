package fi.polku.handover;

import fi.polku.cases.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Records the screening's answer with the hand-over as the path leaves Task_Screen (a listener on
 * Flow_ToInTargetGroup: the task's output mapping has then set {@code inTargetGroup}, which it has not
 * yet for the task's own end listeners). The decision oh-handover-screening is taken in the diagram,
 * by the business-rule task; this only keeps its answer in our table for the evaluation.
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
