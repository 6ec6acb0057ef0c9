package fi.polku.onward;

import static fi.polku.onward.OnwardReferralModel.*;

import fi.polku.consent.ConsentScope;
import fi.polku.security.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records an onward referral a staff member started in Tasklist: the sender is the starter's
 * agency and staff group, and the starter the responsible worker. The case number becomes the
 * business key.
 */
@Component("registerOnwardReferralDelegate")
class RegisterOnwardReferralDelegate implements JavaDelegate {

  private final OnwardReferrals referrals;
  private final OnwardStatusChanges changes;
  private final IdentityService identity;

  RegisterOnwardReferralDelegate(OnwardReferrals referrals, OnwardStatusChanges changes, IdentityService identity) {
    this.referrals = referrals;
    this.changes = changes;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String starter = (String) execution.getVariable(REQUESTED_BY);
    StaffGroup group = identity.createGroupQuery().groupMember(starter).list().stream()
        .map(found -> StaffGroup.ofId(found.getId())).flatMap(java.util.Optional::stream).findFirst()
        .orElseThrow(() -> new IllegalStateException("the starter belongs to no staff group"));
    String caseNumber = String.valueOf(execution.getVariable(CASE_NUMBER)).trim();
    OnwardReferrals.OnwardRequest request = new OnwardReferrals.OnwardRequest(caseNumber, group.agency(), group.id(),
        starter, OnwardService.fromCode((String) execution.getVariable(RECEIVING_SERVICE)),
        (String) execution.getVariable(ONWARD_REASON),
        ConsentScope.fromCode((String) execution.getVariable(CONTENT_SCOPE)), null);
    long id = changes.create(request, null, starter);
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariables(OnwardReferrals.variables(referrals.get(id)));
  }
}
