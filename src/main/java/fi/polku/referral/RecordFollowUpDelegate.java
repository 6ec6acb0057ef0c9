package fi.polku.referral;

import fi.polku.cases.ProcessValues;
import fi.polku.cases.WorkAbilityMeasurements;
import fi.polku.cases.WorkAbilityMeasurements.Instrument;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Records the outcome and satisfaction of the follow-up at the months given by field months, and a
 * repeated WHODAS 2.0 sum or Kykyviisari score if the team measured again.
 */
@Component("recordFollowUpDelegate")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class RecordFollowUpDelegate implements JavaDelegate {

  private final ReferralService referrals;
  private final WorkAbilityMeasurements measurements;

  private Expression months;

  RecordFollowUpDelegate(ReferralService referrals, WorkAbilityMeasurements measurements) {
    this.referrals = referrals;
    this.measurements = measurements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int at = Integer.parseInt((String) months.getValue(execution));
    referrals.recordOutcome((Long) execution.getVariable(TeReferralModel.REFERRAL_ID), at,
        String.valueOf(execution.getVariable("outcome" + at)), ProcessValues.integer(execution, "satisfaction" + at),
        "process:" + execution.getCurrentActivityId());
    // A repeated measurement at the follow-up, if the team made one.
    measurements.recordFrom(execution, "whodasSum" + at, Instrument.WHODAS);
    measurements.recordFrom(execution, "kykyviisariScore" + at, Instrument.KYKYVIISARI);
  }

  public void setMonths(Expression months) {
    this.months = months;
  }
}
