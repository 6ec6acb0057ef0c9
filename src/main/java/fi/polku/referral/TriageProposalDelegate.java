package fi.polku.referral;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Asks the referral-triage decision (DMN) for a proposal the counsellor then confirms or overrides. */
@Component("triageProposalDelegate")
class TriageProposalDelegate implements JavaDelegate {

  static final String DECISION = "referral-triage";

  private final DecisionService decisions;
  private final ReferralService referrals;

  TriageProposalDelegate(DecisionService decisions, ReferralService referrals) {
    this.decisions = decisions;
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long referralId = (Long) execution.getVariable(TeReferralModel.REFERRAL_ID);
    Map<String, Object> criteria = referrals.criteria(referralId);
    Map<String, Object> result = decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.fromMap(criteria)).evaluate().getSingleResult().getEntryMap();
    execution.setVariable(TeReferralModel.TRIAGE_PROPOSAL, result.get(TeReferralModel.TRIAGE_PROPOSAL));
    execution.setVariable(TeReferralModel.TRIAGE_REASON, result.get(TeReferralModel.TRIAGE_REASON));
    // The form starts from the proposal; the counsellor confirms or changes it with a reason.
    execution.setVariable(TeReferralModel.TRIAGE_DECISION, result.get(TeReferralModel.TRIAGE_PROPOSAL));
    referrals.changeStatus(referralId, ReferralStatus.RECEIVED, null, "process:" + execution.getCurrentActivityId());
  }
}
