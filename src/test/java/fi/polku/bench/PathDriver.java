package fi.polku.bench;

import fi.polku.engine.TasklistForm;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Drives one process instance to its end through the engine's Java API, as staff and the job
 * executor would: runs its jobs (save points and timers, except the timers that would take
 * another branch), completes each user task through its form with what Tasklist submits for the
 * entries ({@link TasklistForm}), and sends the message an event-based wait needs. The same driver
 * drives a path and its baseline (whose tasks have no form: they take the path's forms), so both pay
 * the same driving cost.
 */
final class PathDriver {

  /**
   * What a path needs to be driven: what the user enters into each user task's form, the timers
   * never to fire (an SLA, a grace period), the message that ends a wait (or null) and the process
   * whose model names the tasks' forms (the path itself; for a baseline, its path).
   */
  record Path(String processKey, Map<String, Map<String, Object>> forms, Set<String> skippedTimers,
      String waitMessage, String formsOf) {

    Path(String processKey, Map<String, Map<String, Object>> forms, Set<String> skippedTimers, String waitMessage) {
      this(processKey, forms, skippedTimers, waitMessage, processKey);
    }
  }

  private final ProcessEngine engine;
  private final Map<String, String> activityOfJobDefinition = new ConcurrentHashMap<>();
  private final Map<String, TasklistForm> formOfTask = new ConcurrentHashMap<>();

  PathDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Drives the instance until it has ended. */
  void toEnd(String processInstanceId, Path path) {
    drive(processInstanceId, path, null);
  }

  /** Drives the instance until a user task of the key is open (and leaves it open). */
  void toTask(String processInstanceId, Path path, String taskKey) {
    drive(processInstanceId, path, taskKey);
  }

  private void drive(String processInstanceId, Path path, String stopAtTask) {
    boolean messageSent = false;
    for (int step = 0; step < 500; step++) {
      if (stopAtTask != null && engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(stopAtTask).count() > 0) {
        return;
      }
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list()
          .stream().filter(job -> !path.skippedTimers().contains(activityOf(job))).toList();
      if (!jobs.isEmpty()) {
        jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        continue;
      }
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
      if (!tasks.isEmpty()) {
        for (Task task : tasks) {
          Map<String, Object> entered = path.forms().get(task.getTaskDefinitionKey());
          if (entered == null) {
            throw new IllegalStateException(path.processKey() + ": no form for task " + task.getTaskDefinitionKey());
          }
          FormService forms = engine.getFormService();
          TasklistForm form = form(path, task.getTaskDefinitionKey());
          Map<String, Object> shown = new java.util.HashMap<>(forms.getTaskFormVariables(task.getId()));
          // A baseline model is not a path: nothing offers it the case managers to choose from, so
          // the one entered is its only option.
          form.fields().stream().filter(field -> field.valuesKey() != null && !shown.containsKey(field.valuesKey())
              && entered.containsKey(field.key())).forEach(field -> shown.put(field.valuesKey(),
                  List.of(Map.of("label", String.valueOf(entered.get(field.key())), "value", entered.get(field.key())))));
          forms.submitTaskForm(task.getId(), form.submit(shown, entered));
        }
        continue;
      }
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
        return;
      }
      if (path.waitMessage() != null && !messageSent) {
        engine.getRuntimeService().createMessageCorrelation(path.waitMessage()).processInstanceId(processInstanceId)
            .correlate();
        messageSent = true;
        continue;
      }
      throw new IllegalStateException(path.processKey() + " instance is stuck at "
          + engine.getRuntimeService().getActiveActivityIds(processInstanceId));
    }
    throw new IllegalStateException(path.processKey() + " instance did not end in 500 steps");
  }

  /** Runs every job of the process key's instances (e.g. the mail deliveries a path queued). */
  int runAllJobs(String processKey) {
    List<Job> jobs = engine.getManagementService().createJobQuery().processDefinitionKey(processKey).list();
    jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return jobs.size();
  }

  /** The Camunda Form of the task as the path's model names it (read once per task). */
  private TasklistForm form(Path path, String taskKey) {
    return formOfTask.computeIfAbsent(path.formsOf() + "/" + taskKey, key -> {
      String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(path.formsOf()).latestVersion().singleResult().getId();
      UserTask task = engine.getRepositoryService().getBpmnModelInstance(definitionId).getModelElementById(taskKey);
      if (task == null || task.getCamundaFormRef() == null) {
        throw new IllegalStateException(path.formsOf() + ": task " + taskKey + " has no Camunda Form");
      }
      return TasklistForm.byId(task.getCamundaFormRef());
    });
  }

  private String activityOf(Job job) {
    return activityOfJobDefinition.computeIfAbsent(job.getJobDefinitionId(), id -> engine.getManagementService()
        .createJobDefinitionQuery().jobDefinitionId(id).singleResult().getActivityId());
  }
}
