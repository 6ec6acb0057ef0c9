package fi.polku.handover;

import fi.polku.cases.ProcessValues;
import fi.polku.cases.WorkAbilityMeasurements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Books the two parts of the extended health check to their payers; a Kykyviisari score becomes a measurement. */
@Component("recordBillingDelegate")
class RecordBillingDelegate implements JavaDelegate {

  private final HandoverService handovers;
  private final WorkAbilityMeasurements measurements;

  RecordBillingDelegate(HandoverService handovers, WorkAbilityMeasurements measurements) {
    this.handovers = handovers;
    this.measurements = measurements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handovers.recordBilling(execution.getProcessBusinessKey(), ProcessValues.integer(execution, OhHandoverModel.STATUTORY_MINUTES),
        ProcessValues.integer(execution, OhHandoverModel.PILOT_MINUTES));
    measurements.recordFrom(execution, OhHandoverModel.KYKYVIISARI_SCORE, WorkAbilityMeasurements.Instrument.KYKYVIISARI);
  }
}
