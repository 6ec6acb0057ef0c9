package fi.polku.onward;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * On each end state of the onward referral (field ending): tells the path that sent the client how
 * the referral ended ({@link OnwardReferralClosed}).
 */
@Component("onwardClosedListener")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class OnwardClosedListener implements ExecutionListener {

  private final OnwardStatusChanges changes;

  // Injected per end event from the model's camunda:field element.
  private Expression ending;

  OnwardClosedListener(OnwardStatusChanges changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    changes.closed(Steps.referralId(execution), OnwardReferralClosed.Ending.fromCode((String) ending.getValue(execution)));
  }

  public void setEnding(Expression ending) {
    this.ending = ending;
  }
}
