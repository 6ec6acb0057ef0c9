package fi.polku.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.engine.TasklistForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * What a Camunda Form in {@code forms/} shows for given values: whether a field is hidden, judged
 * as TasklistForm judges it for every submission, so a test can say "the declined client is not
 * shown the WHODAS questions"; and the form's components as written, for tests of its shape.
 */
public final class FormConditions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormConditions() {}

  /** The form's component with that key or id (searching groups too); fails when absent. */
  public static JsonNode component(String formId, String keyOrId) {
    Deque<JsonNode> path = pathTo(read(formId).get("components"), keyOrId, new ArrayDeque<>());
    if (path == null) {
      throw new AssertionError("forms/" + formId + ".form has no component " + keyOrId);
    }
    return path.peekLast();
  }

  /** Whether the form has a component with that key or id. */
  public static boolean has(String formId, String keyOrId) {
    return pathTo(read(formId).get("components"), keyOrId, new ArrayDeque<>()) != null;
  }

  /** True when Tasklist hides the field (it or a group around it) for these values; unset values are null. */
  public static boolean hidden(String formId, String key, Map<String, Object> values) {
    return TasklistForm.byId(formId).isHidden(key, values);
  }

  private static Deque<JsonNode> pathTo(JsonNode components, String keyOrId, Deque<JsonNode> around) {
    for (JsonNode component : components) {
      around.addLast(component);
      if (keyOrId.equals(component.path("key").asText(null)) || keyOrId.equals(component.path("id").asText(null))) {
        return around;
      }
      if (component.has("components")) {
        Deque<JsonNode> found = pathTo(component.get("components"), keyOrId, around);
        if (found != null) {
          return found;
        }
      }
      around.removeLast();
    }
    return null;
  }

  private static JsonNode read(String formId) {
    try {
      return JSON.readTree(Files.readString(Path.of("forms", formId + ".form")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
