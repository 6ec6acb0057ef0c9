package fi.polku.onward;

import static fi.polku.onward.OnwardReferralModel.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The sender's decision after a rejection or a missed deadline; the case is accounted for again:
 * ask the same receiver again (a new deadline), send the client to another service (a new onward
 * referral; this one is cancelled), or close with a reason.
 */
@Component("recordOnwardDecisionDelegate")
class RecordOnwardDecisionDelegate implements JavaDelegate {

  private final OnwardReferrals referrals;
  private final OnwardStatusChanges changes;

  RecordOnwardDecisionDelegate(OnwardReferrals referrals, OnwardStatusChanges changes) {
    this.referrals = referrals;
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Steps.referralId(execution);
    String actor = Steps.actor(execution);
    switch (String.valueOf(execution.getVariable(ONWARD_DECISION))) {
      case "wait" -> {
        Date due = changes.askedAgain(id, actor);
        execution.setVariable(ANSWER_DUE, due);
        execution.setVariable(ANSWER_DUE_TEXT, SendOnwardReferralDelegate.FINNISH.format(due.toInstant()));
        execution.removeVariable(ANSWER);
      }
      case "send-elsewhere" -> {
        OnwardReferral old = referrals.get(id);
        OnwardService next = OnwardService.fromCode((String) execution.getVariable(NEW_RECEIVING_SERVICE));
        changes.cancelled(id, "Ohjattu toiseen palveluun: " + next.finnishName(), actor);
        referrals.request(new OnwardReferrals.OnwardRequest(old.caseNumber(), old.sendingAgency(),
            old.responsibleGroup(), old.responsibleWorker(), next, old.reason(), old.contentScope(), old.sentByPath()),
            id, actor);
      }
      default -> changes.cancelled(id, (String) execution.getVariable(CLOSE_REASON), actor);
    }
  }
}
