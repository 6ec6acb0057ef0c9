package fi.polku.referral;

import fi.polku.cases.ProcessValues;
import fi.polku.cases.WorkAbilityMeasurements;
import fi.polku.cases.WorkAbilityMeasurements.Instrument;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the whodas-scoring decision (the business-rule task before it) scored the answers: says
 * which flag and sum stand and records them, with a Kykyviisari score given on the same form, as
 * the client's measurements. A client who declined is not measured; a recent measurement the
 * counsellor did not repeat keeps its flag and sum and is not recorded again.
 */
@Component("recordWhodasDelegate")
class RecordWhodasDelegate implements JavaDelegate {

  /** The decision's result as the business-rule task's output mapping leaves it. */
  static final String SCORED_FLAG = "scoredWhodasFlag";
  static final String SCORED_SUM = "scoredWhodasSum";

  private final WorkAbilityMeasurements measurements;

  RecordWhodasDelegate(WorkAbilityMeasurements measurements) {
    this.measurements = measurements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String flag = ProcessValues.text(execution, SCORED_FLAG);
    Integer sum = ProcessValues.integer(execution, SCORED_SUM);
    execution.removeVariable(SCORED_FLAG);
    execution.removeVariable(SCORED_SUM);
    if (ProcessValues.flag(execution, TeReferralModel.CLIENT_DECLINED)) {
      // A client who declines is not asked the questions, and nothing is measured for them.
      return;
    }
    if (ProcessValues.flag(execution, TeReferralModel.WHODAS_RECENT)
        && !ProcessValues.flag(execution, TeReferralModel.WHODAS_REMEASURE)) {
      // The recent measurement's flag and sum stand (set before the task); it is not counted twice.
      measurements.recordFrom(execution, "kykyviisariScore", Instrument.KYKYVIISARI);
      return;
    }
    // Missing answers give no flag: the path goes on as if green, the team sees "none".
    execution.setVariable(TeReferralModel.WHODAS_FLAG, flag == null ? "none" : flag);
    execution.setVariable(TeReferralModel.WHODAS_SUM, sum);
    // The scores go to the client's measurements for the evaluation (the answers stay in the task).
    measurements.recordFrom(execution, TeReferralModel.WHODAS_SUM, Instrument.WHODAS,
        (String) execution.getVariable(TeReferralModel.WHODAS_FLAG));
    measurements.recordFrom(execution, "kykyviisariScore", Instrument.KYKYVIISARI);
  }
}
