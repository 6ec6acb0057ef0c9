package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.calendar.WorkingDays;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stage 3, rapid job search: when the next employer contact is due. Before the first contact it is
 * {@code polku.supported.first-contact-due} from the start of coaching; after it, {@code
 * polku.supported.no-contact-limit} from the last contact or the job that ended. The timer on the
 * search task fires then.
 */
@Component("scheduleJobSearchDelegate")
class ScheduleJobSearchDelegate implements JavaDelegate {

  private final SupportedEmployments coachings;
  private final SupportedEmploymentProperties properties;

  ScheduleJobSearchDelegate(SupportedEmployments coachings, SupportedEmploymentProperties properties) {
    this.coachings = coachings;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Steps.coachingId(execution);
    int contacts = coachings.contactCount(id);
    ZonedDateTime due = coachings.lastContactOrJobEnd(id)
        .map(day -> endOf(day.plus(properties.noContactLimit())))
        .orElseGet(() -> coachings.get(id).startedAt().atZone(WorkingDays.FINLAND).plus(properties.firstContactDue()));
    execution.setVariable(CONTACT_DUE, Date.from(due.toInstant()));
    execution.setVariable(CONTACT_DUE_TEXT, Steps.finnish(due.toLocalDate()));
    execution.setVariable(CONTACT_COUNT, contacts);
  }

  /** The end of the working day in Finland, so that a contact on the last day still counts. */
  private static ZonedDateTime endOf(LocalDate day) {
    return day.atTime(16, 0).atZone(WorkingDays.FINLAND);
  }
}
