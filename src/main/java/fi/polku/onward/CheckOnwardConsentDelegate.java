package fi.polku.onward;

import fi.polku.consent.ConsentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The consent at the crossing: does the consent register allow the sender → receiver for the
 * scope carried, now? The answer goes to the gateway, the record and the consent audit trail. A
 * referral within one agency crosses no boundary and needs no consent.
 */
@Component("checkOnwardConsentDelegate")
class CheckOnwardConsentDelegate implements JavaDelegate {

  private final OnwardReferrals referrals;
  private final OnwardStatusChanges changes;
  private final ConsentService consents;

  CheckOnwardConsentDelegate(OnwardReferrals referrals, OnwardStatusChanges changes, ConsentService consents) {
    this.referrals = referrals;
    this.changes = changes;
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Steps.referralId(execution);
    changes.attach(id, execution.getProcessInstanceId());
    OnwardReferral referral = referrals.get(id);
    // Within one agency (the sote centre's team to its physician, say) no boundary is crossed.
    boolean allowed = referral.sendingAgency() == referral.receivingAgency()
        || consents.allows(referral.caseNumber(), referral.sendingAgency(), referral.receivingAgency(),
        referral.contentScope(), "process:" + OnwardReferralModel.PROCESS_KEY + "/" + execution.getCurrentActivityId(),
        "onward referral to " + referral.service().code());
    changes.consentChecked(id, allowed, "process:" + execution.getCurrentActivityId());
    execution.setVariable(OnwardReferralModel.CONSENT_AT_CROSSING, allowed);
  }
}
