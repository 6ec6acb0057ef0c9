package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.security.StaffGroup;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * End state "moved to another service": the client goes on by an onward referral, with the coach as
 * its responsible worker until the receiver accepts; the consent is checked at the crossing there.
 */
@Component("referOnwardDelegate")
class ReferOnwardDelegate implements JavaDelegate {

  private final OnwardReferrals referrals;

  ReferOnwardDelegate(OnwardReferrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String note = Steps.text(execution, END_NOTE);
    referrals.request(new OnwardReferrals.OnwardRequest(execution.getProcessBusinessKey(), Agency.SOTE,
        StaffGroup.JOB_COACH.id(), (String) execution.getVariable(COACH),
        OnwardService.fromCode((String) execution.getVariable(NEW_SERVICE)),
        "Tuetusta työllistymisestä" + (note == null ? "" : ": " + note), ConsentScope.PLAN, PROCESS_KEY));
  }
}
