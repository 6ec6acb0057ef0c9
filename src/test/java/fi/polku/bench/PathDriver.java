package fi.polku.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one process instance to its end through the engine's Java API, as staff and the job
 * executor would: runs its jobs (save points and timers, except the timers that would take
 * another branch), completes each user task with what its form submits, and sends the message an
 * event-based wait needs. The same driver drives a path and its baseline, so both pay the same
 * driving cost.
 */
final class PathDriver {

  /**
   * What a path needs to be driven: the variables each user task's form submits, the timers never
   * to fire (an SLA, a grace period) and the message that ends a wait (or null).
   */
  record Path(String processKey, Map<String, Map<String, Object>> forms, Set<String> skippedTimers,
      String waitMessage) {}

  private final ProcessEngine engine;
  private final Map<String, String> activityOfJobDefinition = new ConcurrentHashMap<>();

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
          Map<String, Object> form = path.forms().get(task.getTaskDefinitionKey());
          if (form == null) {
            throw new IllegalStateException(path.processKey() + ": no form for task " + task.getTaskDefinitionKey());
          }
          engine.getTaskService().complete(task.getId(), form);
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

  private String activityOf(Job job) {
    return activityOfJobDefinition.computeIfAbsent(job.getJobDefinitionId(), id -> engine.getManagementService()
        .createJobDefinitionQuery().jobDefinitionId(id).singleResult().getActivityId());
  }
}
