package fi.polku.onward;

import static fi.polku.onward.OnwardReferralModel.*;

import fi.polku.consent.ConsentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The receiver's feedback returns to the sender: stored in our table, and shown to the sender only
 * when a consent in force lets it cross back now; otherwise only that the service is done. The
 * feedback itself does not stay in the process's variables.
 */
@Component("recordOnwardCompletionDelegate")
class RecordOnwardCompletionDelegate implements JavaDelegate {

  static final String FEEDBACK_WITHHELD = "Vastaanottaja on kirjannut palvelun päättyneeksi. Palautteen sisältöä ei"
      + " näytetä, koska asiakkaan suostumus ei kata sitä.";

  private final OnwardReferrals referrals;
  private final OnwardStatusChanges changes;
  private final ConsentService consents;

  RecordOnwardCompletionDelegate(OnwardReferrals referrals, OnwardStatusChanges changes, ConsentService consents) {
    this.referrals = referrals;
    this.changes = changes;
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Steps.referralId(execution);
    Object by = execution.getVariable(ANSWERED_BY);
    String actor = by != null ? String.valueOf(by) : Steps.actor(execution);
    OnwardStatus outcome = "failed".equals(execution.getVariable(OUTCOME)) ? OnwardStatus.FAILED : OnwardStatus.COMPLETED;
    String feedback = (String) execution.getVariable(FEEDBACK);
    changes.finished(id, outcome, feedback, actor);
    OnwardReferral referral = referrals.get(id);
    boolean shared = referral.receivingAgency() == referral.sendingAgency()
        || consents.allows(referral.caseNumber(), referral.receivingAgency(), referral.sendingAgency(),
        referral.feedbackScope(), "process:" + PROCESS_KEY + "/" + execution.getCurrentActivityId(),
        "onward referral feedback to the sender");
    execution.setVariable(FEEDBACK_SHARED, shared);
    execution.setVariable(FEEDBACK_FOR_SENDER, shared && feedback != null ? feedback : FEEDBACK_WITHHELD);
    execution.setVariable(OUTCOME, outcome.code());
    execution.removeVariable(FEEDBACK);
  }
}
