package fi.polku.referral;

import fi.polku.cases.ProcessValues;
import fi.polku.notify.ClientNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Invites the client to the booked appointment and marks the referral accepted. */
@Component("invitationDelegate")
class InvitationDelegate extends ClientMailDelegate implements JavaDelegate {

  private final ReferralService referrals;

  InvitationDelegate(ClientNotices clients, ReferralService referrals) {
    super(clients);
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long referralId = (Long) execution.getVariable(TeReferralModel.REFERRAL_ID);
    if (referrals.status(referralId) == ReferralStatus.RECEIVED) {
      referrals.changeStatus(referralId, ReferralStatus.ACCEPTED, "Aika varattu", "process:" + execution.getCurrentActivityId());
    }
    // Counted in the step's own transaction, so a retried invitation is not a new booking.
    Integer bookings = ProcessValues.integer(execution, TeReferralModel.BOOKINGS);
    execution.setVariable(TeReferralModel.BOOKINGS, (bookings == null ? 0 : bookings) + 1);
    mailClient(execution, "referral-invitation");
  }
}
