package fi.polku.referral;

import fi.polku.cases.ProcessValues;
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
    Integer rescheduled = ProcessValues.integer(execution, TeReferralModel.RESCHEDULED_APPOINTMENTS);
    execution.setVariable(TeReferralModel.RESCHEDULED_APPOINTMENTS, (rescheduled == null ? 0 : rescheduled) + 1);
    // The next mapping task asks again whether the client came.
    execution.removeVariable(TeReferralModel.APPOINTMENT_ATTENDED);
    execution.removeVariable(TeReferralModel.RESCHEDULE_REQUESTED);
  }
}
