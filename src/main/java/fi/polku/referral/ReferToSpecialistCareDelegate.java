package fi.polku.referral;

import fi.polku.cases.ProcessValues;
import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.security.StaffGroup;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A red WHODAS flag: the client is referred onward to specialist care's multi-professional
 * assessment (Satakunnan hankesuunnitelma §5.1 T1), carrying health content as far as the consent
 * allows at the crossing. The sote centre's counsellors (the case's responsible worker among them)
 * stay responsible meanwhile (§5.1 T4); the path waits for the referral to end.
 */
@Component("referToSpecialistCareDelegate")
class ReferToSpecialistCareDelegate implements JavaDelegate {

  private final OnwardReferrals onward;

  ReferToSpecialistCareDelegate(OnwardReferrals onward) {
    this.onward = onward;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer sum = ProcessValues.integer(execution, TeReferralModel.WHODAS_SUM);
    String reason = "Punainen WHODAS 2.0 -lippu" + (sum != null ? " (pistesumma " + sum + "/48)" : "")
        + ": erikoissairaanhoidon moniammatillinen arvio. Sote-keskus pysyy vastuussa; asiakas palaa sote-keskukseen.";
    long id = onward.request(new OnwardReferrals.OnwardRequest(execution.getProcessBusinessKey(), Agency.SOTE,
        StaffGroup.SOTE_COUNSELLOR.id(), null, OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT, reason, ConsentScope.HEALTH,
        TeReferralModel.PROCESS_KEY));
    execution.setVariable(TeReferralModel.SPECIALIST_CARE_REFERRAL_ID, id);
  }
}
