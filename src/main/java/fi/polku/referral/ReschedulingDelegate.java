package fi.polku.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Counts a new time the client asked for (as the invitation invites them to): it is not a missed
 * appointment, so it never brings the referral closer to "Asiakasta ei tavoitettu", and the new
 * booking gets its own invitation and reminder.
 */
@Component("reschedulingDelegate")
class ReschedulingDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object rescheduled = execution.getVariable(TeReferralModel.RESCHEDULED_APPOINTMENTS);
    execution.setVariable(TeReferralModel.RESCHEDULED_APPOINTMENTS,
        (rescheduled instanceof Number number ? number.intValue() : 0) + 1);
    // The next mapping task asks again whether the client came.
    execution.removeVariable(TeReferralModel.APPOINTMENT_ATTENDED);
    execution.removeVariable(TeReferralModel.RESCHEDULE_REQUESTED);
  }
}
