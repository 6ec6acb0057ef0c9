package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.consent.ConsentChannel;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stage 4: the agreement with the employer (job, start, hours, wage subsidy or work trial) goes to
 * our table. What the client allows the employer to be told is a consent of its own in the consent
 * register (scope employer, recorded by the coach's agency for itself), with its validity; without
 * it nothing is told and no employer view is recorded.
 */
@Component("recordAgreementDelegate")
class RecordAgreementDelegate implements JavaDelegate {

  private final SupportedEmployments coachings;
  private final ConsentService consents;
  private final Clock clock;

  RecordAgreementDelegate(SupportedEmployments coachings, ConsentService consents, Clock clock) {
    this.coachings = coachings;
    this.consents = consents;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if ("reached".equals(execution.getVariable(AGREEMENT))) {
      String caseNumber = execution.getProcessBusinessKey();
      String actor = Steps.actor(execution);
      Long consentId = null;
      String disclosure = null;
      if (Boolean.TRUE.equals(execution.getVariable(EMPLOYER_CONSENT))) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingDays.FINLAND));
        consentId = consents.give(caseNumber, new NewConsent(Agency.SOTE, Agency.SOTE, ConsentScope.EMPLOYER, today,
            Steps.date(execution, EMPLOYER_CONSENT_UNTIL), ConsentChannel.IN_PERSON), actor).id();
        disclosure = Steps.text(execution, EMPLOYER_DISCLOSURE);
      }
      Object hours = execution.getVariable(WEEKLY_HOURS);
      SupportedEmployments.NewJob job = new SupportedEmployments.NewJob(Steps.text(execution, EMPLOYER_NAME),
          Steps.text(execution, JOB_TITLE), Steps.date(execution, JOB_START_DATE), new BigDecimal(String.valueOf(hours)),
          (String) execution.getVariable(ARRANGEMENT), consentId, disclosure);
      long jobId = coachings.job(Steps.coachingId(execution), job, actor);
      execution.setVariable(JOB_ID, jobId);
      execution.setVariable(FOLLOW_UPS_DONE, 0);
      execution.setVariable(JOB_TEXT, job.jobTitle() + ", " + job.employer() + ", alkaen " + Steps.finnish(job.startDate()));
    }
    List.of(EMPLOYER_NAME, JOB_TITLE, JOB_START_DATE, WEEKLY_HOURS, ARRANGEMENT, EMPLOYER_CONSENT,
        EMPLOYER_CONSENT_UNTIL, EMPLOYER_DISCLOSURE, NO_AGREEMENT_NOTE).forEach(execution::removeVariable);
  }
}
