package fi.polku.onward;

import fi.polku.cases.ProcessValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What the onward referral's steps share: the record's id, who acts, and the values forms send. */
final class Steps {

  private Steps() {}

  static long referralId(VariableScope scope) {
    return ((Number) scope.getVariable(OnwardReferralModel.ONWARD_REFERRAL_ID)).longValue();
  }

  /** The person who completed the form that led here, else the step itself. */
  static String actor(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : "process:" + execution.getCurrentActivityId();
  }

  /** A date-time as the form's picker or the API sends it: a date, or ISO-8601 with or without offset. */
  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
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
        return LocalDateTime.parse(text).atZone(fi.polku.calendar.WorkingDays.FINLAND).toInstant();
      }
    }
  }

  /** A date as the date picker sends it (2026-05-31) or a {@link LocalDate}. */
  static LocalDate date(Object value) {
    return ProcessValues.date(value);
  }
}
