package fi.polku.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a Camunda Form in {@code forms/} shows for given values: evaluates a component's
 * {@code conditional.hide} (and that of every group around it) with the FEEL engine, as Tasklist
 * does, so a test can say "the declined client is not shown the WHODAS questions".
 */
public final class FormConditions {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

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

  /** True when Tasklist hides the component (it or a group around it) for these values; unset values are null. */
  public static boolean hidden(String formId, String keyOrId, Map<String, Object> values) {
    Deque<JsonNode> path = pathTo(read(formId).get("components"), keyOrId, new ArrayDeque<>());
    if (path == null) {
      throw new AssertionError("forms/" + formId + ".form has no component " + keyOrId);
    }
    for (JsonNode node : path) {
      JsonNode hide = node.path("conditional").path("hide");
      if (hide.isTextual() && Boolean.TRUE.equals(evaluate(hide.asText(), values))) {
        return true;
      }
    }
    return false;
  }

  private static Object evaluate(String expression, Map<String, Object> values) {
    String feel = expression.startsWith("=") ? expression.substring(1) : expression;
    Map<String, Object> context = new HashMap<>(values);
    VariableContext variables = new VariableContext() {
      @Override
      public TypedValue resolve(String name) {
        return Variables.untypedValue(context.get(name));
      }

      @Override
      public boolean containsVariable(String name) {
        return true;
      }

      @Override
      public Set<String> keySet() {
        return context.keySet();
      }
    };
    return FEEL.evaluateSimpleExpression(feel, variables);
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
