package fi.polku.referral;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.onward.OnwardReferral;
import fi.polku.onward.OnwardReferrals;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Fills the counsellor's decision form after specialist care's return: the service, how it ended
 * and specialist care's feedback, the feedback only when the consent register allows specialist
 * care → sote centre for health content at that moment. The values are the task's own (local), so
 * they never become variables of the referral that its referrer could read.
 */
@Component("specialistCareReturnListener")
class SpecialistCareReturnListener implements TaskListener {

  static final String FEEDBACK_WITHHELD = "Erikoissairaanhoito on kirjannut palvelun päättyneeksi. Palautteen sisältöä ei"
      + " näytetä, koska asiakkaan suostumus erikoissairaanhoidosta sote-keskukseen ei kata terveystietoja nyt.";

  private final OnwardReferrals onward;
  private final ConsentService consents;

  SpecialistCareReturnListener(OnwardReferrals onward, ConsentService consents) {
    this.onward = onward;
    this.consents = consents;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = ((Number) task.getVariable(TeReferralModel.SPECIALIST_CARE_REFERRAL_ID)).longValue();
    OnwardReferral referral = onward.get(id);
    boolean shared = referral.feedback() != null && consents.allows(referral.caseNumber(), Agency.ESH, Agency.SOTE,
        ConsentScope.HEALTH, "process:" + TeReferralModel.PROCESS_KEY + "/" + task.getTaskDefinitionKey(),
        "specialist care's feedback to the sote counsellor");
    task.setVariableLocal("specialistCareServiceName", referral.service().finnishName());
    task.setVariableLocal("specialistCareStatusName", referral.status().finnishName());
    task.setVariableLocal("specialistCareFeedback", shared ? referral.feedback() : FEEDBACK_WITHHELD);
  }
}
