package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.cases.WorkAbilityMeasurements;
import fi.polku.cases.WorkAbilityMeasurements.Instrument;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stage 2: the vocational profile goes to our table and leaves the variables; the Kykyviisari
 * self-assessment is also a work-ability measurement of the client (Satakunnan hankesuunnitelma §5.2 T8).
 */
@Component("recordProfileDelegate")
class RecordProfileDelegate implements JavaDelegate {

  private final SupportedEmployments coachings;
  private final WorkAbilityMeasurements measurements;

  RecordProfileDelegate(SupportedEmployments coachings, WorkAbilityMeasurements measurements) {
    this.coachings = coachings;
    this.measurements = measurements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    coachings.profile(Steps.coachingId(execution), Steps.text(execution, WORK_HISTORY), Steps.text(execution, EDUCATION),
        Steps.text(execution, SKILLS), Steps.text(execution, WORK_WISHES), Steps.integer(execution, KYKYVIISARI_SCORE),
        Boolean.TRUE.equals(execution.getVariable(KYKYVIISARI_DISCUSSED)), Steps.actor(execution));
    measurements.recordFrom(execution, KYKYVIISARI_SCORE, Instrument.KYKYVIISARI);
    List.of(WORK_HISTORY, EDUCATION, SKILLS, WORK_WISHES, KYKYVIISARI_SCORE, KYKYVIISARI_DISCUSSED)
        .forEach(execution::removeVariable);
  }
}
