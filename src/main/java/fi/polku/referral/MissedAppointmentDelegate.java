package fi.polku.referral;

import fi.polku.cases.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts a missed appointment: the first is rebooked, the second closes the referral. */
@Component("missedAppointmentDelegate")
class MissedAppointmentDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Integer missed = ProcessValues.integer(execution, TeReferralModel.MISSED_APPOINTMENTS);
    int count = missed == null ? 0 : missed;
    execution.setVariable(TeReferralModel.MISSED_APPOINTMENTS, count + 1);
    // The next mapping task asks again whether the client came.
    execution.removeVariable(TeReferralModel.APPOINTMENT_ATTENDED);
  }
}
