package fi.polku.referral;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.WorkAbilityMeasurements;
import fi.polku.cases.WorkAbilityMeasurements.Instrument;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares the counsellor's triage after the referral-triage decision (the business-rule task
 * before it) proposed a direction: marks the referral received, brings the client's own goal and
 * motivation, and finds the client's recent WHODAS 2.0 measurement (the health check's or an
 * earlier referral's), so the form shows it instead of asking the twelve questions again.
 */
@Component("prepareTriageDelegate")
class PrepareTriageDelegate implements JavaDelegate {

  static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy").withZone(WorkingDays.FINLAND);

  private final ReferralService referrals;
  private final WorkAbilityMeasurements measurements;
  private final ReferralTimes times;

  PrepareTriageDelegate(ReferralService referrals, WorkAbilityMeasurements measurements, ReferralTimes times) {
    this.referrals = referrals;
    this.measurements = measurements;
    this.times = times;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long referralId = (Long) execution.getVariable(TeReferralModel.REFERRAL_ID);
    referrals.changeStatus(referralId, ReferralStatus.RECEIVED, null, "process:" + execution.getCurrentActivityId());
    // The client's own goal and motivation travel to the counsellor and the team, however the referral came in.
    ReferralService.ClientGoal goal = referrals.clientGoal(referralId);
    execution.setVariable(TeReferralModel.CLIENT_GOAL, goal.goal());
    execution.setVariable(TeReferralModel.CLIENT_MOTIVATION, goal.motivation());
    Optional<WorkAbilityMeasurements.Measurement> recent = measurements.latestSince(execution.getProcessBusinessKey(),
        Instrument.WHODAS, times.whodasValidSince());
    execution.setVariable(TeReferralModel.WHODAS_RECENT, recent.isPresent());
    recent.ifPresent(measurement -> {
      execution.setVariable(TeReferralModel.WHODAS_SUM, measurement.score());
      execution.setVariable(TeReferralModel.WHODAS_FLAG, measurement.flag());
      execution.setVariable(TeReferralModel.WHODAS_MEASURED_ON, FINNISH_DATE.format(measurement.measuredAt()));
    });
  }
}
