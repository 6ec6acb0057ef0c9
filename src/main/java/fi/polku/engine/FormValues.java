package fi.polku.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The values of a Camunda Form's fields as form-js holds them and as Tasklist sends them: each
 * field type's empty value, what a date picker writes, the browser's validation, and the engine
 * value that the REST API makes of the JSON Tasklist posts.
 */
final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter MINUTES_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private FormValues() {}

  static Object emptyValue(TasklistForm.Field field) {
    return switch (field.type()) {
      case "textfield", "textarea" -> "";
      case "checkbox" -> false;
      case "checklist", "taglist" -> List.of();
      default -> null;
    };
  }

  /** A shown variable as the form holds it (a Json value parsed, as Tasklist parses it). */
  static Object plain(Object value) {
    if (value instanceof TypedValue typed) {
      value = typed.getValue();
    }
    if (value != null && value.getClass().getName().startsWith("org.camunda.spin.")) {
      try {
        return JSON.readValue(value.toString(), Object.class);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("A Json variable that is not JSON", e);
      }
    }
    return value;
  }

  /** What the field holds after the user's entry. */
  static Object entry(TasklistForm.Field field, Object value) {
    if (!"datetime".equals(field.type()) || !(value instanceof TemporalAccessor)) {
      return value;
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    ZonedDateTime at = value instanceof Instant instant ? instant.atZone(WorkingDays.FINLAND)
        : value instanceof OffsetDateTime offset ? offset.atZoneSameInstant(WorkingDays.FINLAND)
        : ((ZonedDateTime) value).withZoneSameInstant(WorkingDays.FINLAND);
    at = at.truncatedTo(ChronoUnit.MINUTES);
    if ("date".equals(field.subtype())) {
      return at.toLocalDate().toString();
    }
    return switch (field.timeFormat() == null ? "utc_offset" : field.timeFormat()) {
      case "utc_normalized" -> at.withZoneSameInstant(java.time.ZoneOffset.UTC).format(MINUTES) + "Z";
      case "no_timezone" -> at.format(MINUTES);
      default -> at.format(MINUTES_WITH_OFFSET);
    };
  }

  static void validate(TasklistForm.Field field, Object value, List<String> problems) {
    boolean empty = value == null || "".equals(value) || (value instanceof Collection<?> list && list.isEmpty())
        || ("checkbox".equals(field.type()) && Boolean.FALSE.equals(value));
    if (field.required() && empty) {
      problems.add(field.key() + ": required");
      return;
    }
    if (empty) {
      return;
    }
    switch (field.type()) {
      case "textfield", "textarea" -> {
        if (!(value instanceof String text)) {
          problems.add(field.key() + ": a text field holds text, not " + value.getClass().getSimpleName());
        } else if (field.maxLength() != null && text.length() > field.maxLength()) {
          problems.add(field.key() + ": longer than " + field.maxLength() + " characters");
        }
      }
      case "number" -> {
        if (!(value instanceof Number number)) {
          problems.add(field.key() + ": a number field holds a number, not " + value.getClass().getSimpleName());
        } else if ((field.min() != null && number.doubleValue() < field.min())
            || (field.max() != null && number.doubleValue() > field.max())) {
          problems.add(field.key() + ": " + number + " is outside " + field.min() + "–" + field.max());
        }
      }
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          problems.add(field.key() + ": a checkbox holds true or false");
        }
      }
      case "select", "radio" -> {
        if (!field.options().isEmpty() && !field.options().contains(String.valueOf(value))) {
          problems.add(field.key() + ": '" + value + "' is not one of " + field.options());
        }
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> picked)) {
          problems.add(field.key() + ": a checklist holds a list, not " + value.getClass().getSimpleName());
        } else {
          picked.stream().map(String::valueOf).filter(pick -> !field.options().isEmpty() && !field.options().contains(pick))
              .forEach(pick -> problems.add(field.key() + ": '" + pick + "' is not one of " + field.options()));
        }
      }
      case "datetime" -> {
        String pattern = "date".equals(field.subtype()) ? "\\d{4}-\\d{2}-\\d{2}"
            : "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})?";
        if (!(value instanceof String text) || !text.matches(pattern)) {
          problems.add(field.key() + ": '" + value + "' is not what the " + field.subtype() + " picker writes");
        } else if (!isRealDay(text)) {
          problems.add(field.key() + ": '" + value + "' is no day or time of the calendar");
        }
      }
      default -> { }
    }
  }

  /** True when the picker-shaped text names a real day (and time): not 30 February, not 25:61. */
  private static boolean isRealDay(String text) {
    try {
      if (text.length() == 10) {
        LocalDate.parse(text);
      } else {
        java.time.LocalDateTime.parse(text.substring(0, 16));
      }
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** The value as the engine REST API makes it from Tasklist's JSON. */
  static TypedValue typed(Object value) {
    if (value == null) {
      return Variables.untypedNullValue();
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      try {
        return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
    if (value instanceof Number number) {
      double real = number.doubleValue();
      if (real != Math.rint(real)) {
        return Variables.doubleValue(real);
      }
      long whole = number.longValue();
      return whole == (int) whole ? Variables.integerValue((int) whole) : Variables.longValue(whole);
    }
    if (value instanceof Boolean bool) {
      return Variables.booleanValue(bool);
    }
    if (value instanceof String text) {
      return Variables.stringValue(text);
    }
    throw new IllegalArgumentException("Tasklist sends no " + value.getClass().getSimpleName() + " values");
  }
}
