package fi.polku.handover;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.ProcessValues;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/** The times oh-handover's timers and due dates use, from {@link HandoverProperties}. */
@Component("handoverTimes")
public class HandoverTimes {

  private final HandoverProperties properties;
  private final WorkingDays workingDays;

  HandoverTimes(HandoverProperties properties, WorkingDays workingDays) {
    this.properties = properties;
    this.workingDays = workingDays;
  }

  /** The end of the expected employment day plus the grace period, in Finnish time. */
  public Date graceEnd(Object employmentEndDate) {
    LocalDate end = ProcessValues.date(employmentEndDate);
    return Date.from(end.plus(Period.parse(properties.gracePeriod())).plusDays(1)
        .atStartOfDay(WorkingDays.FINLAND).toInstant());
  }

  /** When the coordinator's take-over task is due: the set working days from now. */
  public Date takeOverDue() {
    return workingDays.after(properties.takeOverDue());
  }

  /** {@link #takeOverDue()} as staff read it in a mail. */
  public String takeOverDueText() {
    return DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm").withZone(WorkingDays.FINLAND)
        .format(takeOverDue().toInstant());
  }
}
