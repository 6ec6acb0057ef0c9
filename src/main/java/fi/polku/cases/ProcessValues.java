package fi.polku.cases;

import fi.polku.calendar.WorkingDays;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads a process variable the way our steps need it, whatever shape it arrived in: a Tasklist form
 * sends text, numbers as {@code Long} or {@code Double}, dates as {@code 2026-05-31} (or with a time
 * after it), checkboxes as booleans; the REST API and other paths may send a {@link Date}. The one
 * place that knows these shapes, so that every path's steps read them alike.
 */
public final class ProcessValues {

  private ProcessValues() {}

  /** The value as trimmed text, or null when it is missing or blank. */
  public static String text(VariableScope scope, String name) {
    return text(scope.getVariable(name));
  }

  /** The value as trimmed text, or null when it is missing or blank. */
  public static String text(Object value) {
    return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
  }

  /** A whole number from a number or its text, or null when missing or blank. */
  public static Integer integer(VariableScope scope, String name) {
    return integer(scope.getVariable(name));
  }

  /** A whole number from a number or its text, or null when missing or blank. */
  public static Integer integer(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    String text = text(value);
    return text == null ? null : Integer.valueOf(text);
  }

  /** True only when the value is true (a checkbox left alone is false, a missing one too). */
  public static boolean flag(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name)) || "true".equals(text(scope.getVariable(name)));
  }

  /** A day: from a date picker's text (its first ten characters), a {@link LocalDate}, or a {@link Date} read in Finnish time. */
  public static LocalDate date(VariableScope scope, String name) {
    return date(scope.getVariable(name));
  }

  /** A day: from a date picker's text (its first ten characters), a {@link LocalDate}, or a {@link Date} read in Finnish time. */
  public static LocalDate date(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(WorkingDays.FINLAND).toLocalDate();
    }
    String text = text(value);
    return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
