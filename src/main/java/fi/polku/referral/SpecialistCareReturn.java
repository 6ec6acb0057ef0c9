package fi.polku.referral;

import fi.polku.onward.OnwardReferralClosed;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The way back from specialist care: when the onward referral a red flag made ends, the referral
 * waiting for it goes on (message {@code SpecialistCareReferralClosed}), in the same transaction.
 * Other onward referrals have no te-referral waiting for them and are left alone.
 */
@Component
class SpecialistCareReturn {

  static final String RETURNED = "returned";

  private final RuntimeService runtime;

  SpecialistCareReturn(@Lazy RuntimeService runtime) {
    this.runtime = runtime;
  }

  @EventListener
  void closed(OnwardReferralClosed closed) {
    String outcome = closed.ending() == OnwardReferralClosed.Ending.FEEDBACK_REVIEWED ? RETURNED : closed.ending().code();
    runtime.createMessageCorrelation(TeReferralModel.MESSAGE_SPECIALIST_CARE_CLOSED)
        .processInstanceVariableEquals(TeReferralModel.SPECIALIST_CARE_REFERRAL_ID, closed.onwardReferralId())
        .setVariable(TeReferralModel.SPECIALIST_CARE_OUTCOME, outcome)
        .correlateAll();
  }
}
