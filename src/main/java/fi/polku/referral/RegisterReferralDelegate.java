package fi.polku.referral;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientLanguage;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.cases.ProcessValues;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The first step after the Tasklist start form: hands what the coordinator entered to the one
 * intake ({@link ReferralIntake}), which takes this instance as the referral's process. Every other
 * way in starts at the message start and never passes here.
 */
@Component("registerReferralDelegate")
class RegisterReferralDelegate implements JavaDelegate {

  private final ReferralIntake intake;

  RegisterReferralDelegate(ReferralIntake intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String referredBy = ProcessValues.text(execution, TeReferralModel.REFERRED_BY);
    ReferralIntake.Consent consent = ProcessValues.flag(execution, "consentGiven")
        ? new ReferralIntake.Consent(ProcessValues.flag(execution, "consentHealth"),
            ProcessValues.date(execution, "consentValidUntil"))
        : null;
    intake.adopt(execution,
        new ReferralIntake.NewClient(PersonalIdentityCode.parse(ProcessValues.text(execution, "identityCode")),
            ProcessValues.text(execution, "clientName"), ProcessValues.text(execution, "clientEmail"),
            ProcessValues.text(execution, "clientPhone"), ProcessValues.text(execution, "municipality"),
            ProcessValues.integer(execution, "unemploymentMonths"),
            ProcessValues.text(execution, TeReferralModel.CLIENT_GOAL),
            ProcessValues.text(execution, TeReferralModel.CLIENT_MOTIVATION), consent,
            ProcessValues.text(execution, ClientLanguage.VARIABLE)),
        new ReferralRequest(ReferralCriteria.from(execution::getVariable),
            ProcessValues.text(execution, TeReferralModel.REFERRAL_REASON),
            ProcessValues.text(execution, TeReferralModel.COORDINATOR_QUESTION),
            referredBy == null ? "tasklist" : referredBy, "tasklist", Agency.TE,
            ReferralRequest.Referrer.TE_COORDINATOR, Map.of()));
  }
}
