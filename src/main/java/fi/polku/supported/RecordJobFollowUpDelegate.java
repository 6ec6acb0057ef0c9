package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.WorkAbilityMeasurements;
import fi.polku.cases.WorkAbilityMeasurements.Instrument;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stage 5: the follow-up goes to our table: the client's view, the employer's only with the consent
 * in force at the follow-up, and a new Kykyviisari if the client filled it in. A lost job ends the
 * job (the path returns to the search, it does not end); otherwise the next follow-up counts on.
 */
@Component("recordJobFollowUpDelegate")
class RecordJobFollowUpDelegate implements JavaDelegate {

  private final SupportedEmployments coachings;
  private final WorkAbilityMeasurements measurements;
  private final Clock clock;

  RecordJobFollowUpDelegate(SupportedEmployments coachings, WorkAbilityMeasurements measurements, Clock clock) {
    this.coachings = coachings;
    this.measurements = measurements;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long jobId = ((Number) execution.getVariable(JOB_ID)).longValue();
    String status = (String) execution.getVariable(JOB_STATUS);
    String employerView = Boolean.TRUE.equals(execution.getVariable(EMPLOYER_CONSENT_IN_FORCE))
        ? Steps.text(execution, EMPLOYER_VIEW) : null;
    coachings.followUp(jobId, (String) execution.getVariable(FOLLOW_UP_LABEL), Steps.text(execution, CLIENT_VIEW),
        employerView, status, Steps.integer(execution, KYKYVIISARI_SCORE), Steps.actor(execution));
    measurements.recordFrom(execution, KYKYVIISARI_SCORE, Instrument.KYKYVIISARI);
    if ("lost".equals(status)) {
      coachings.jobEnded(jobId, LocalDate.now(clock.withZone(WorkingDays.FINLAND)), "lost");
    }
    execution.setVariable(FOLLOW_UPS_DONE, ((Number) execution.getVariable(FOLLOW_UPS_DONE)).intValue() + 1);
    List.of(CLIENT_VIEW, EMPLOYER_VIEW, KYKYVIISARI_SCORE, EMPLOYER_CONSENT_IN_FORCE, EMPLOYER_CONSENT_TEXT)
        .forEach(execution::removeVariable);
  }
}
