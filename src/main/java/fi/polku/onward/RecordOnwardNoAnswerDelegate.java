package fi.polku.onward;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deadline passed without an answer: the referral is unaccounted until the sender decides. */
@Component("recordOnwardNoAnswerDelegate")
class RecordOnwardNoAnswerDelegate implements JavaDelegate {

  private final OnwardReferrals referrals;

  RecordOnwardNoAnswerDelegate(OnwardReferrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    referrals.unanswered(Steps.referralId(execution), "process:" + execution.getCurrentActivityId());
    execution.setVariable(OnwardReferralModel.DEADLINE_PASSED, true);
    execution.removeVariable(OnwardReferralModel.REJECTION_REASON);
  }
}
