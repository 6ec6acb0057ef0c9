package fi.polku.referral;

import fi.polku.notify.StatusNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Closes the loop to the referring coordinator: moves the referral to a status (field status)
 * and mails the referrer the Finnish status text (field statusText). The mail names the case and
 * the step, never health data; status needs no consent.
 */
@Component("notifyReferrerDelegate")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class NotifyReferrerDelegate implements JavaDelegate {

  private final ReferralService referrals;
  private final StatusNotices notices;

  // Injected per step from the model's camunda:field elements.
  private Expression status;
  private Expression statusText;

  NotifyReferrerDelegate(ReferralService referrals, StatusNotices notices) {
    this.referrals = referrals;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long referralId = (Long) execution.getVariable(TeReferralModel.REFERRAL_ID);
    String text = (String) statusText.getValue(execution);
    referrals.changeStatus(referralId, ReferralStatus.fromCode((String) status.getValue(execution)), text,
        "process:" + execution.getCurrentActivityId());
    notices.tell(execution, referrals.referredBy(referralId), "TE-lähete työkyvyn tuen tiimiin", text);
  }

  public void setStatus(Expression status) {
    this.status = status;
  }

  public void setStatusText(Expression statusText) {
    this.statusText = statusText;
  }
}
