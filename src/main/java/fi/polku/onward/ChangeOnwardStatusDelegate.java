package fi.polku.onward;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Moves the onward referral to a status (field status) with a reason (field reason): the service
 * started at the first appointment, the referral given to the client, a cancellation (whose reason
 * the cancel message carries when the field is empty).
 */
@Component("changeOnwardStatusDelegate")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class ChangeOnwardStatusDelegate implements JavaDelegate {

  private final OnwardStatusChanges changes;

  // Injected per step from the model's camunda:field elements.
  private Expression status;
  private Expression reason;

  ChangeOnwardStatusDelegate(OnwardStatusChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Steps.referralId(execution);
    OnwardStatus target = OnwardStatus.fromCode((String) status.getValue(execution));
    String text = reason == null ? null : (String) reason.getValue(execution);
    Object cancelledBy = execution.getVariable(OnwardReferralModel.CANCELLED_BY);
    String actor = cancelledBy != null ? String.valueOf(cancelledBy) : Steps.actor(execution);
    if (target == OnwardStatus.CANCELLED) {
      changes.cancelled(id, text, actor);
    } else {
      changes.changeStatus(id, target, text, actor);
    }
  }

  public void setStatus(Expression status) {
    this.status = status;
  }

  public void setReason(Expression reason) {
    this.reason = reason;
  }
}
