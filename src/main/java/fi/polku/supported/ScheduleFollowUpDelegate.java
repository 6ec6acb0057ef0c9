package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.calendar.WorkingDays;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stage 5: when the next follow-up is, from the decision supported-employment-follow-up (the rhythm
 * is the process owner's: 1, 3 and 6 months, then quarterly). The first counts from the job's first
 * morning, each later one from the previous one's due time, so the 6-month follow-up is 6 months
 * from the start however late the coach recorded the earlier ones.
 */
@Component("scheduleFollowUpDelegate")
class ScheduleFollowUpDelegate implements JavaDelegate {

  private final SupportedEmployments coachings;

  ScheduleFollowUpDelegate(SupportedEmployments coachings) {
    this.coachings = coachings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> plan = (Map<String, Object>) execution.getVariable(FOLLOW_UP_PLAN);
    int done = ((Number) execution.getVariable(FOLLOW_UPS_DONE)).intValue();
    ZonedDateTime base = done == 0 || !(execution.getVariable(FOLLOW_UP_AT) instanceof Date previous)
        ? coachings.getJob(((Number) execution.getVariable(JOB_ID)).longValue()).startDate().atTime(9, 0)
            .atZone(WorkingDays.FINLAND)
        : previous.toInstant().atZone(WorkingDays.FINLAND);
    ZonedDateTime at = base.plus(Period.parse(String.valueOf(plan.get("followUpIn"))));
    execution.setVariable(FOLLOW_UP_AT, Date.from(at.toInstant()));
    execution.setVariable(FOLLOW_UP_LABEL, String.valueOf(plan.get("followUpLabel")));
    execution.removeVariable(FOLLOW_UP_PLAN);
  }
}
