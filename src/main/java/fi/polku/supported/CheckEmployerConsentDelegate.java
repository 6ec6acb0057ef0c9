package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stage 5: at the follow-up, whether the client's consent to tell the employer is in force now (it
 * may have lapsed or been withdrawn since the agreement); only then does the form ask for the
 * employer's view. The check goes to the consent audit trail.
 */
@Component("checkEmployerConsentDelegate")
class CheckEmployerConsentDelegate implements JavaDelegate {

  static final String NO_CONSENT = "Ei voimassa: työnantajalle ei kerrota mitään eikä työnantajan näkemystä kirjata.";

  private final SupportedEmployments coachings;
  private final ConsentService consents;

  CheckEmployerConsentDelegate(SupportedEmployments coachings, ConsentService consents) {
    this.coachings = coachings;
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupportedEmployments.Job job = coachings.getJob(((Number) execution.getVariable(JOB_ID)).longValue());
    boolean inForce = job.employerConsentId() != null && consents.allows(execution.getProcessBusinessKey(), Agency.SOTE,
        Agency.SOTE, ConsentScope.EMPLOYER, "process:" + PROCESS_KEY + "/" + execution.getCurrentActivityId(),
        "supported employment follow-up with the employer");
    execution.setVariable(EMPLOYER_CONSENT_IN_FORCE, inForce);
    execution.setVariable(EMPLOYER_CONSENT_TEXT, inForce ? "Voimassa: " + job.employerDisclosure() : NO_CONSENT);
  }
}
