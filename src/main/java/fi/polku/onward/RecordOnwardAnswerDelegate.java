package fi.polku.onward;

import static fi.polku.onward.OnwardReferralModel.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The receiver's answer, from its Tasklist form or its system through the API: accepted with the
 * first appointment (the service starts then), or rejected with a reason (unaccounted until the
 * sender decides).
 */
@Component("recordOnwardAnswerDelegate")
class RecordOnwardAnswerDelegate implements JavaDelegate {

  private final OnwardStatusChanges changes;

  RecordOnwardAnswerDelegate(OnwardStatusChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Steps.referralId(execution);
    String actor = answeredBy(execution);
    if ("accept".equals(execution.getVariable(ANSWER))) {
      Instant first = Steps.instant(execution.getVariable(FIRST_APPOINTMENT_AT));
      changes.accepted(id, first, actor);
      execution.setVariable(SERVICE_STARTS_AT, Date.from(first));
    } else {
      changes.rejected(id, (String) execution.getVariable(REJECTION_REASON), actor);
      execution.setVariable(DEADLINE_PASSED, false);
    }
  }

  private static String answeredBy(DelegateExecution execution) {
    Object by = execution.getVariable(ANSWERED_BY);
    return by != null ? String.valueOf(by) : Steps.actor(execution);
  }
}
