package fi.polku.support;

import fi.polku.engine.TasklistForm;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/**
 * Tests complete tasks and start processes the way Tasklist does: with the values and types its
 * form submits ({@link TasklistForm}), never with a hand-made map of whatever types the test likes.
 * A value the form could not hold, a missing required field or a field the form does not have
 * fails the test as it would stop the user.
 */
public final class Tasklist {

  private Tasklist() {}

  /** {@code "key", value, "key", value...} as a map, in order. */
  public static Map<String, Object> entries(Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("entries come in key, value pairs");
    }
    Map<String, Object> entries = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      entries.put((String) keyValues[i], keyValues[i + 1]);
    }
    return entries;
  }

  /** What Tasklist submits for the task when the user has entered {@code entered} into its form. */
  public static VariableMap submission(ProcessEngine engine, String taskId, Map<String, ?> entered) {
    FormService forms = engine.getFormService();
    return TasklistForm.ofTask(forms, taskId).submit(forms.getTaskFormVariables(taskId), entered);
  }

  /** Completes the task through its form with what the user entered (process tests' engine). */
  public static void complete(Task task, Map<String, ?> entered) {
    ProcessEngine engine = BpmnAwareTests.processEngine();
    engine.getFormService().submitTaskForm(task.getId(), submission(engine, task.getId(), entered));
  }

  /** {@link #complete(Task, Map)} with {@code "key", value...} pairs. */
  public static void complete(Task task, Object... keyValues) {
    complete(task, entries(keyValues));
  }

  /** Starts the process definition through its start form with what the user entered. */
  public static ProcessInstance start(ProcessEngine engine, String processDefinitionId, Map<String, ?> entered) {
    FormService forms = engine.getFormService();
    return forms.submitStartForm(processDefinitionId, TasklistForm.ofStart(forms, processDefinitionId).submit(entered));
  }

  /** The engine REST body Tasklist posts to {@code /task/{id}/submit-form} for the task. */
  public static String restBody(ProcessEngine engine, String taskId, Map<String, ?> entered) {
    return TasklistForm.restBody(submission(engine, taskId, entered));
  }
}
