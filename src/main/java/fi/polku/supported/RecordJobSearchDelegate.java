package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stage 3: an employer contact (employer, day, outcome; no health data) goes to our table and leaves the variables. */
@Component("recordJobSearchDelegate")
class RecordJobSearchDelegate implements JavaDelegate {

  private final SupportedEmployments coachings;

  RecordJobSearchDelegate(SupportedEmployments coachings) {
    this.coachings = coachings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if ("contact".equals(execution.getVariable(SEARCH_STEP))) {
      coachings.contact(Steps.coachingId(execution), Steps.text(execution, EMPLOYER_NAME),
          Steps.date(execution, CONTACT_DATE), (String) execution.getVariable(CONTACT_OUTCOME), Steps.actor(execution));
    }
    List.of(EMPLOYER_NAME, CONTACT_DATE, CONTACT_OUTCOME).forEach(execution::removeVariable);
  }
}
