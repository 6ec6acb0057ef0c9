package fi.polku.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
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

  private final String id;
  private final List<Field> fields;
  private final FormConditions conditions;

  private TasklistForm(String id, List<Field> fields) {
    this.id = id;
    this.fields = fields;
    this.conditions = new FormConditions(id);
  }

  /** One keyed field of the form. */
  public record Field(String componentId, String key, String type, boolean disabled, boolean required,
      List<String> hide, List<String> options, List<String> optionLabels, Integer maxLength, Double min, Double max,
      String subtype, String timeFormat, String valuesKey) {

    /**
     * The field with the options a select fed by a variable ({@code valuesKey}) shows when the
     * task has these variables: form-js reads a list of {@code {label, value}} (or of plain
     * values) from the variable; without it the select offers nothing.
     */
    Field withOptionsFrom(Map<String, Object> data) {
      if (valuesKey == null) {
        return this;
      }
      List<String> values = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      if (data.get(valuesKey) instanceof Collection<?> given) {
        for (Object option : given) {
          if (option instanceof Map<?, ?> pair) {
            values.add(String.valueOf(pair.get("value")));
            labels.add(String.valueOf(pair.get("label")));
          } else {
            values.add(String.valueOf(option));
            labels.add(String.valueOf(option));
          }
        }
      }
      // A select without options refuses every value; "" stands for that (no option is "").
      return new Field(componentId, key, type, disabled, required, hide, values.isEmpty() ? List.of("") : List.copyOf(values),
          List.copyOf(labels), maxLength, min, max, subtype, timeFormat, valuesKey);
    }

    /** The label a user sees for an option's value. */
    public String labelOf(Object value) {
      int index = options.indexOf(String.valueOf(value));
      return index < 0 ? null : optionLabels.get(index);
    }
  }

  /** The form with this id, read from the deployed forms folder on the classpath ({@code forms/<id>.form}). */
  public static TasklistForm byId(String formId) {
    return BY_ID.computeIfAbsent(formId, id -> new TasklistForm(id, FormFile.read(id)));
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

  /**
   * Whether Tasklist hides the field (by its own condition or a group's around it) when the task has
   * these variables; a variable not given is null, as in FEEL.
   */
  public boolean isHidden(String key, Map<String, ?> variables) {
    Map<String, Object> data = new LinkedHashMap<>();
    variables.forEach((name, value) -> data.put(name, FormValues.plain(value)));
    return conditions.isHidden(field(key), data);
  }

  /** What a date-time field holds after the user picked {@code value} (as {@link #submit} would send it). */
  public Object entered(String key, Object value) {
    return FormValues.entry(field(key), value);
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
    // Tasklist hands the form every variable of the task, so a condition may read one that no field shows.
    Map<String, Object> data = new LinkedHashMap<>();
    shown.forEach((name, value) -> data.put(name, FormValues.plain(value)));
    for (Field field : fields) {
      data.put(field.key(), shown.containsKey(field.key()) ? FormValues.plain(shown.get(field.key())) : FormValues.emptyValue(field));
    }
    List<String> problems = new ArrayList<>();
    entered.forEach((key, value) -> {
      Field field = fieldOrNull(key);
      if (field == null) {
        problems.add(key + ": no such field in form " + id);
      } else if (field.disabled()) {
        problems.add(key + ": the field is read-only in form " + id);
      } else {
        data.put(key, FormValues.entry(field, value));
      }
    });
    VariableMap submitted = Variables.createVariables();
    for (Field field : fields) {
      if (field.disabled() || conditions.isHidden(field, data)) {
        continue;
      }
      Object value = data.get(field.key());
      FormValues.validate(field.withOptionsFrom(data), value, problems);
      submitted.putValueTyped(field.key(), FormValues.typed(value));
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
}
