package fi.polku.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of one of our forms applied to a submission as the engine REST API carries it: only
 * the form's editable fields, each of its type, required fields given, hidden fields not given,
 * text within its length and free of control characters. One line per broken rule, naming the
 * field, never its value.
 */
final class SubmissionRules {

  /** Longest text accepted in a form field that sets no maxLength of its own. */
  static final int TEXT_LIMIT = 10_000;
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  private final ObjectMapper json;

  SubmissionRules(ObjectMapper json) {
    this.json = json;
  }

  /** What is wrong with the submitted variables for the form shown with these variables. */
  List<String> check(TasklistForm form, Map<String, Object> shownVariables, String body) throws JsonProcessingException {
    List<String> problems = new ArrayList<>();
    JsonNode root = body.isBlank() ? json.createObjectNode() : json.readTree(body);
    if (!root.isObject()) {
      return List.of("the body must be a JSON object");
    }
    JsonNode variables = root.path("variables");
    if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
      return List.of("variables: must be an object of named variables");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    shownVariables.forEach((name, value) -> data.put(name, FormValues.plain(value)));
    for (TasklistForm.Field field : form.fields()) {
      data.put(field.key(), shownVariables.containsKey(field.key())
          ? FormValues.plain(shownVariables.get(field.key())) : FormValues.emptyValue(field));
    }
    Map<String, Object> submitted = new LinkedHashMap<>();
    if (variables.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String key = entry.getKey();
        TasklistForm.Field field = form.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
        if (field == null) {
          problems.add(printable(key) + ": no such field in the form");
          continue;
        }
        if (field.disabled()) {
          problems.add(key + ": the field is read-only");
          continue;
        }
        Object value;
        try {
          value = plainValue(entry.getValue());
        } catch (IllegalArgumentException | JsonProcessingException e) {
          problems.add(key + ": " + (e instanceof IllegalArgumentException ? e.getMessage() : "not JSON"));
          continue;
        }
        submitted.put(key, value);
        data.put(key, value);
      }
    }
    FormConditions conditions = new FormConditions(form.id());
    for (TasklistForm.Field field : form.fields()) {
      boolean hidden;
      try {
        hidden = conditions.isHidden(field, data);
      } catch (RuntimeException e) {
        // A condition that cannot read a submitted value of the wrong type: the type check names it.
        hidden = false;
      }
      if (hidden && submitted.containsKey(field.key()) && !field.disabled()) {
        // Tasklist never sends a field its condition hides: a value for it bypasses the form.
        problems.add(field.key() + ": hidden in the form by what else was entered, so it cannot be given");
        continue;
      }
      if (field.disabled() || hidden) {
        continue;
      }
      if (!submitted.containsKey(field.key()) && !shownVariables.containsKey(field.key())) {
        // Tasklist sends every field it shows, empty ones too; the process may read any of them.
        problems.add(field.key() + ": missing");
        continue;
      }
      Object value = data.get(field.key());
      FormValues.validate(field.withOptionsFrom(data), value, problems);
      if (value instanceof String textValue && submitted.containsKey(field.key())) {
        if (field.maxLength() == null && textValue.length() > TEXT_LIMIT) {
          problems.add(field.key() + ": longer than " + TEXT_LIMIT + " characters");
        }
        if (CONTROL.matcher(textValue).find()) {
          problems.add(field.key() + ": contains control characters");
        }
      }
    }
    return problems;
  }

  /** A variable of the engine REST body ({value, type, valueInfo}) as the form holds it. */
  private Object plainValue(JsonNode variable) throws JsonProcessingException {
    if (!variable.isObject()) {
      throw new IllegalArgumentException("must be {\"value\": ..., \"type\": ...}");
    }
    JsonNode value = variable.path("value");
    String type = variable.path("type").isTextual() ? variable.path("type").asText() : null;
    if (type == null || type.isEmpty()) {
      if (value.isContainerNode()) {
        throw new IllegalArgumentException("a list or object goes as a Json variable");
      }
      return json.treeToValue(value, Object.class);
    }
    return switch (type.toLowerCase(java.util.Locale.ROOT)) {
      case "json" -> value.isNull() ? null : json.readValue(value.asText(), Object.class);
      case "string" -> value.isNull() ? null : value.isTextual() ? value.asText() : json.treeToValue(value, Object.class);
      case "boolean" -> value.isBoolean() || value.isNull() ? json.treeToValue(value, Object.class) : value.asText();
      case "integer", "long", "double", "short" -> value.isNumber() || value.isNull()
          ? json.treeToValue(value, Object.class) : value.asText();
      case "null" -> null;
      default -> throw new IllegalArgumentException("a form field does not hold a " + type + " variable");
    };
  }

  static String printable(String key) {
    String cleaned = CONTROL.matcher(key).replaceAll("?");
    return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
  }
}
