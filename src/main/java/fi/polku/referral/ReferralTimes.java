package fi.polku.referral;

import fi.polku.calendar.WorkingDays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.springframework.stereotype.Component;

/** The times te-referral's timers wait for, from {@link ReferralProperties}: one place to change them. */
@Component("referralTimes")
public class ReferralTimes {

  private final ReferralProperties properties;
  private final WorkingDays workingDays;
  private final Clock clock;

  ReferralTimes(ReferralProperties properties, WorkingDays workingDays, Clock clock) {
    this.properties = properties;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** When an untriaged referral escalates to the team lead: the SLA in working days from now. */
  public Date triageDue() {
    return workingDays.after(properties.triageSla());
  }

  /** The triage deadline as staff read it in a mail, e.g. "10.4.2026 klo 10.00". */
  public String triageDueText() {
    return java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm").withZone(WorkingDays.FINLAND)
        .format(triageDue().toInstant());
  }

  /** When the client is reminded: the set time before the appointment, or now if that has passed. */
  public Date reminderAt(Object appointmentAt) {
    Instant appointment = toInstant(appointmentAt);
    Instant reminder = appointment.minus(Duration.parse(properties.reminderBefore()));
    Instant now = clock.instant();
    return Date.from(reminder.isBefore(now) ? now : reminder);
  }

  /** From the mapping to the 3-month follow-up, as an ISO-8601 duration for the timer. */
  public String followUp3() {
    return properties.followUp3();
  }

  /**
   * The wait between the two follow-ups, for referrals still running on a model version deployed
   * before the 6-month follow-up counted from the mapping (their timer reads this expression).
   */
  public String followUp6() {
    return java.time.Period.parse(properties.followUp6()).minus(java.time.Period.parse(properties.followUp3()))
        .normalized().toString();
  }

  /**
   * When the 6-month follow-up is due: the set time from the mapping, however late the 3-month
   * follow-up was done (a date already past makes it due at once).
   */
  public Date followUp6Due(Object mappedAt) {
    return Date.from(toInstant(mappedAt).atZone(WorkingDays.FINLAND)
        .plus(java.time.Period.parse(properties.followUp6())).toInstant());
  }

  /** The oldest WHODAS measurement the counsellor may use instead of asking again. */
  public Instant whodasValidSince() {
    return ZonedDateTime.now(clock.withZone(WorkingDays.FINLAND))
        .minus(java.time.Period.parse(properties.whodasValidFor())).toInstant();
  }

  /** An appointment time as a form or the API gives it: a date, or ISO-8601 text with or without offset. */
  static Instant toInstant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    String text = String.valueOf(value).trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return ZonedDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notZoned) {
        return LocalDateTime.parse(text).atZone(WorkingDays.FINLAND).toInstant();
      }
    }
  }
}
