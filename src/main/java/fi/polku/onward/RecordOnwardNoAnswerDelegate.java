package fi.polku.onward;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deadline passed without an answer: the referral is unaccounted until the sender decides. */
@Component("recordOnwardNoAnswerDelegate")
class RecordOnwardNoAnswerDelegate implements JavaDelegate {

  private final OnwardStatusChanges changes;

  RecordOnwardNoAnswerDelegate(OnwardStatusChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.unanswered(Steps.referralId(execution), "process:" + execution.getCurrentActivityId());
    execution.setVariable(OnwardReferralModel.DEADLINE_PASSED, true);
    execution.removeVariable(OnwardReferralModel.REJECTION_REASON);
  }
}
