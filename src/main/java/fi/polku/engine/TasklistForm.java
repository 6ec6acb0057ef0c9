package fi.polku.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.polku.calendar.WorkingDays;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * What Camunda Tasklist sends when a member of staff fills in one of our Camunda Forms and presses
 * "Valmis": read from the form file, so that demo data and tests submit exactly what a browser
 * would, and a form a browser could not submit fails them too.
 *
 * <p>Tasklist (7.24) submits every keyed field that is neither disabled nor hidden by its
 * condition, with the value the form holds: the variable's value, the value typed, or the field's
 * empty value (text "", checkbox false, checklist [], number, select and date nothing). Lists and
 * objects (a checklist) go as a {@code Json} variable; text, booleans and numbers go untyped, so
 * the REST API makes them String, Boolean and Integer, Long or Double. A required field left
 * empty, a value a select does not offer or text over its length stops the submission here as it
 * stops the user in the browser.
 */
public final class TasklistForm {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, TasklistForm> BY_ID = new ConcurrentHashMap<>();
  private static final DateTimeFormatter MINUTES_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final String id;
  private final List<Field> fields;

  private TasklistForm(String id, List<Field> fields) {
    this.id = id;
    this.fields = fields;
  }

  /** One keyed field of the form. */
  public record Field(String componentId, String key, String type, boolean disabled, boolean required,
      List<String> hide, List<String> options, List<String> optionLabels, Integer maxLength, Double min, Double max,
      String subtype, String timeFormat) {

    /** The label a user sees for an option's value. */
    public String labelOf(Object value) {
      int index = options.indexOf(String.valueOf(value));
      return index < 0 ? null : optionLabels.get(index);
    }
  }

  /** The form with this id, read from the deployed forms folder on the classpath ({@code forms/<id>.form}). */
  public static TasklistForm byId(String formId) {
    return BY_ID.computeIfAbsent(formId, TasklistForm::read);
  }

  /** The form a user task shows in Tasklist. */
  public static TasklistForm ofTask(FormService forms, String taskId) {
    CamundaFormRef ref = forms.getTaskFormData(taskId).getCamundaFormRef();
    if (ref == null) {
      throw new IllegalArgumentException("Task " + taskId + " has no Camunda Form");
    }
    return byId(ref.getKey());
  }

  /** The start form of a process definition. */
  public static TasklistForm ofStart(FormService forms, String processDefinitionId) {
    CamundaFormRef ref = forms.getStartFormData(processDefinitionId).getCamundaFormRef();
    if (ref == null) {
      throw new IllegalArgumentException("Process definition " + processDefinitionId + " has no Camunda start form");
    }
    return byId(ref.getKey());
  }

  /** The form's id. */
  public String id() {
    return id;
  }

  /** The keyed fields, in the order the form shows them. */
  public List<Field> fields() {
    return fields;
  }

  /** The field with the key. */
  public Field field(String key) {
    return fields.stream().filter(field -> field.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No field " + key + " in form " + id));
  }

  /** What a date-time field holds after the user picked {@code value} (as {@link #submit} would send it). */
  public Object entered(String key, Object value) {
    return entry(field(key), value);
  }

  /**
   * The variables Tasklist submits when the user has entered {@code entered} into the form shown
   * with {@code shown} (the task's variables; empty for a start form).
   *
   * @param entered what the user typed, ticked or picked: text, Boolean, a number, a list of the
   *     checklist's values, a LocalDate for a date field, an instant or zoned time for a date-time
   *     field (or the text the picker writes)
   * @throws IllegalArgumentException when the browser would not let the user submit it
   */
  public VariableMap submit(Map<String, ?> shown, Map<String, ?> entered) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (Field field : fields) {
      data.put(field.key(), shown.containsKey(field.key()) ? plain(shown.get(field.key())) : emptyValue(field));
    }
    List<String> problems = new ArrayList<>();
    entered.forEach((key, value) -> {
      Field field = fieldOrNull(key);
      if (field == null) {
        problems.add(key + ": no such field in form " + id);
      } else if (field.disabled()) {
        problems.add(key + ": the field is read-only in form " + id);
      } else {
        data.put(key, entry(field, value));
      }
    });
    VariableMap submitted = Variables.createVariables();
    for (Field field : fields) {
      if (field.disabled() || isHidden(field, data)) {
        continue;
      }
      Object value = data.get(field.key());
      validate(field, value, problems);
      submitted.putValueTyped(field.key(), typed(value));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Tasklist would not submit form " + id + ": " + String.join("; ", problems));
    }
    return submitted;
  }

  /** {@link #submit(Map, Map)} of a form shown empty (a start form). */
  public VariableMap submit(Map<String, ?> entered) {
    return submit(Map.of(), entered);
  }

  /** The body of {@code POST /engine-rest/task/{id}/submit-form} (or a start form's) as Tasklist writes it. */
  public static String restBody(VariableMap submitted) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    // By name: iterating the entries would deserialize a Json value, which drops its serialized text.
    for (String name : submitted.keySet()) {
      TypedValue value = submitted.getValueTyped(name);
      ObjectNode variable = variables.putObject(name);
      if (value instanceof JsonValue json) {
        variable.put("type", "Json");
        variable.put("value", json.isDeserialized() ? json.getValue().toString() : json.getValueSerialized());
        variable.putNull("valueInfo");
      } else {
        variable.set("value", JSON.valueToTree(value.getValue()));
      }
    }
    return body.toString();
  }

  private Field fieldOrNull(String key) {
    return fields.stream().filter(field -> field.key().equals(key)).findFirst().orElse(null);
  }

  private static Object emptyValue(Field field) {
    return switch (field.type()) {
      case "textfield", "textarea" -> "";
      case "checkbox" -> false;
      case "checklist", "taglist" -> List.of();
      default -> null;
    };
  }

  /** A shown variable as the form holds it (a Json value parsed, as Tasklist parses it). */
  private static Object plain(Object value) {
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
  private Object entry(Field field, Object value) {
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

  private static void validate(Field field, Object value, List<String> problems) {
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
        }
      }
      default -> { }
    }
  }

  /** The value as the engine REST API makes it from Tasklist's JSON. */
  private static TypedValue typed(Object value) {
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

  // Conditions -----------------------------------------------------------------------------------

  private static final Pattern NOT = Pattern.compile("not\\((.+)\\)");
  private static final Pattern COMPARE = Pattern.compile("(.+?)\\s*(!=|=)\\s*(.+)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TEXT = Pattern.compile("\"([^\"]*)\"");

  /** Hidden when the field's own condition or that of a group around it is true. */
  private boolean isHidden(Field field, Map<String, Object> data) {
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

  // Reading the form file ------------------------------------------------------------------------

  private static TasklistForm read(String formId) {
    String path = "forms/" + formId + ".form";
    try (InputStream in = TasklistForm.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No form " + path + " on the classpath");
      }
      JsonNode form = JSON.readTree(in);
      if (!formId.equals(form.path("id").asText())) {
        throw new IllegalStateException(path + " has id " + form.path("id").asText() + ", not " + formId);
      }
      List<Field> fields = new ArrayList<>();
      collect(form.path("components"), List.of(), fields);
      return new TasklistForm(formId, List.copyOf(fields));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode components, List<String> hiddenBy, List<Field> fields) {
    for (JsonNode component : components) {
      List<String> hide = new ArrayList<>(hiddenBy);
      if (component.path("conditional").hasNonNull("hide")) {
        hide.add(component.path("conditional").path("hide").asText());
      }
      if (component.has("components")) {
        collect(component.get("components"), hide, fields);
      }
      if (!component.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = component.path("validate");
      List<String> options = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      component.path("values").forEach(option -> {
        options.add(option.path("value").asText());
        labels.add(option.path("label").asText());
      });
      fields.add(new Field(component.path("id").asText(), component.get("key").asText(), component.path("type").asText(),
          component.path("disabled").asBoolean(false), validate.path("required").asBoolean(false), List.copyOf(hide),
          List.copyOf(options), List.copyOf(labels),
          validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
          validate.hasNonNull("min") ? validate.get("min").asDouble() : null,
          validate.hasNonNull("max") ? validate.get("max").asDouble() : null,
          component.path("subtype").asText(null), component.path("timeSerializingFormat").asText(null)));
    }
  }
}
