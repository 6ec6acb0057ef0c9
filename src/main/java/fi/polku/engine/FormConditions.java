package fi.polku.engine;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The conditions ({@code conditional.hide}) of one Camunda Form, evaluated over the form's data
 * with the FEEL engine that Camunda 7 ships (the one its DMN tables use), so any condition a process
 * owner writes in Modeler is judged as FEEL judges it: a field not filled in is null, and a
 * condition that is null or not a boolean does not hide.
 */
final class FormConditions {

  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

  private final String id;

  FormConditions(String formId) {
    this.id = formId;
  }

  /** Hidden when the field's own condition or that of a group around it is true. */
  boolean isHidden(TasklistForm.Field field, Map<String, Object> data) {
    return field.hide().stream().anyMatch(hide -> Boolean.TRUE.equals(evaluate(hide, data)));
  }

  private Object evaluate(String condition, Map<String, Object> data) {
    String expression = condition.startsWith("=") ? condition.substring(1) : condition;
    VariableContext variables = new VariableContext() {
      @Override
      public TypedValue resolve(String name) {
        return Variables.untypedValue(data.get(name));
      }

      @Override
      public boolean containsVariable(String name) {
        return true;
      }

      @Override
      public Set<String> keySet() {
        return data.keySet();
      }
    };
    try {
      return FEEL.evaluateSimpleExpression(expression, variables);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Form " + id + ": the condition '" + condition + "' is not valid FEEL", e);
    }
  }
}
