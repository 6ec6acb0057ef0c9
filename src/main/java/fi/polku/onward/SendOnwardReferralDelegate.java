package fi.polku.onward;

import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The referral crosses to the receiver (consent was checked just before): sent now, answer due in working days. */
@Component("sendOnwardReferralDelegate")
class SendOnwardReferralDelegate implements JavaDelegate {

  static final DateTimeFormatter FINNISH = DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm")
      .withZone(fi.polku.calendar.WorkingDays.FINLAND);

  private final OnwardStatusChanges changes;

  SendOnwardReferralDelegate(OnwardStatusChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    java.util.Date due = changes.sent(Steps.referralId(execution), "process:" + execution.getCurrentActivityId());
    execution.setVariable(OnwardReferralModel.ANSWER_DUE, due);
    execution.setVariable(OnwardReferralModel.ANSWER_DUE_TEXT, FINNISH.format(due.toInstant()));
  }
}
