package fi.polku.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conditions ({@code conditional.hide}) of one Camunda Form, evaluated over the form's data
 * as form-js evaluates them, for the FEEL shapes our forms use.
 */
final class FormConditions {

  private final String id;

  FormConditions(String formId) {
    this.id = formId;
  }

  private static final Pattern NOT = Pattern.compile("not\\((.+)\\)");
  private static final Pattern COMPARE = Pattern.compile("(.+?)\\s*(!=|=)\\s*(.+)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TEXT = Pattern.compile("\"([^\"]*)\"");

  /** Hidden when the field's own condition or that of a group around it is true. */
  boolean isHidden(TasklistForm.Field field, Map<String, Object> data) {
    return field.hide().stream().anyMatch(hide -> Boolean.TRUE.equals(feel(hide.replaceFirst("^=", "").trim(), data)));
  }

  /**
   * The few FEEL shapes our forms' conditions use ({@code a or b}, {@code a and b}, {@code not(a)},
   * {@code x = y}, {@code x != y} over names, "texts" and null, and a bare name), with FEEL's
   * three-valued logic: null is neither true nor false. Any other shape fails loudly: extend this
   * with the form.
   */
  private Object feel(String expression, Map<String, Object> data) {
    List<String> either = splitOutsideQuotes(expression, " or ");
    if (either.size() > 1) {
      boolean unknown = false;
      for (String part : either) {
        Object value = feel(part.trim(), data);
        if (Boolean.TRUE.equals(value)) {
          return true;
        }
        unknown |= !(value instanceof Boolean);
      }
      return unknown ? null : false;
    }
    List<String> both = splitOutsideQuotes(expression, " and ");
    if (both.size() > 1) {
      boolean unknown = false;
      for (String part : both) {
        Object value = feel(part.trim(), data);
        if (Boolean.FALSE.equals(value)) {
          return false;
        }
        unknown |= !(value instanceof Boolean);
      }
      return unknown ? null : true;
    }
    Matcher not = NOT.matcher(expression);
    if (not.matches()) {
      Object inner = feel(not.group(1).trim(), data);
      return inner instanceof Boolean bool ? !bool : null;
    }
    Matcher compare = COMPARE.matcher(expression);
    if (compare.matches()) {
      boolean equal = Objects.equals(operand(compare.group(1).trim(), data), operand(compare.group(3).trim(), data));
      return "=".equals(compare.group(2)) == equal;
    }
    return operand(expression, data);
  }

  private Object operand(String operand, Map<String, Object> data) {
    Matcher text = TEXT.matcher(operand);
    if (text.matches()) {
      return text.group(1);
    }
    if ("null".equals(operand)) {
      return null;
    }
    if ("true".equals(operand) || "false".equals(operand)) {
      return Boolean.valueOf(operand);
    }
    if (NAME.matcher(operand).matches()) {
      return data.get(operand);
    }
    throw new UnsupportedOperationException("Form " + id + ": condition part '" + operand
        + "' is not understood by TasklistForm; add its shape there");
  }

  /** The expression's parts between {@code separator}s that stand outside quoted text and parentheses. */
  private static List<String> splitOutsideQuotes(String expression, String separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int depth = 0;
    int start = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && expression.startsWith(separator, i)) {
        parts.add(expression.substring(start, i));
        start = i + separator.length();
        i = start - 1;
      }
    }
    parts.add(expression.substring(start));
    return parts;
  }
}
