package fi.polku.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Camunda Form file of ours ({@code forms/<id>.form} on the classpath) read into its keyed
 * fields, with the conditions of the groups around each field that can hide it.
 */
final class FormFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormFile() {
  }

  static List<TasklistForm.Field> read(String formId) {
    String path = "forms/" + formId + ".form";
    try (InputStream in = FormFile.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No form " + path + " on the classpath");
      }
      JsonNode form = JSON.readTree(in);
      if (!formId.equals(form.path("id").asText())) {
        throw new IllegalStateException(path + " has id " + form.path("id").asText() + ", not " + formId);
      }
      List<TasklistForm.Field> fields = new ArrayList<>();
      collect(form.path("components"), List.of(), fields);
      return List.copyOf(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode components, List<String> hiddenBy, List<TasklistForm.Field> fields) {
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
      fields.add(new TasklistForm.Field(component.path("id").asText(), component.get("key").asText(), component.path("type").asText(),
          component.path("disabled").asBoolean(false), validate.path("required").asBoolean(false), List.copyOf(hide),
          List.copyOf(options), List.copyOf(labels),
          validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
          validate.hasNonNull("min") ? validate.get("min").asDouble() : null,
          validate.hasNonNull("max") ? validate.get("max").asDouble() : null,
          component.path("subtype").asText(null), component.path("timeSerializingFormat").asText(null),
          component.path("valuesKey").asText(null)));
    }
  }
}
