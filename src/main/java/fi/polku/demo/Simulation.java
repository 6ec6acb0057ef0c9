package fi.polku.demo;

import fi.polku.calendar.WorkingDays;
import fi.polku.engine.TasklistForm;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the engine's clock forward through planned events, as the days would pass: at each moment
 * it runs the jobs that are due (timers, save points, mail deliveries), then the planned actions
 * (API calls, task completions), and asks each new task's client script when and how the staff
 * complete it. Nothing is written behind the engine's back: every row comes from a real step, and a
 * task is completed through its form with what Tasklist submits for the script's entries
 * ({@link TasklistForm}); entries the form refuses stop the simulation.
 */
public class Simulation {

  private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);

  /**
   * How the staff complete a task: after a while, as a member of the task's group, entering these
   * values into the task's form (a list for a checklist, a LocalDate or an Instant for a date picker).
   */
  public record TaskPlan(Duration after, Map<String, Object> variables) {}

  /** A script entered what the task's form would not let a user submit: the demo is wrong, not the day. */
  public static final class FormRefused extends IllegalStateException {
    FormRefused(String taskKey, IllegalArgumentException cause) {
      super(taskKey + ": " + cause.getMessage(), cause);
    }
  }

  /** What one client's path does next: empty leaves the task open (still on someone's list). */
  public interface ClientScript {
    Optional<TaskPlan> plan(Task task, Instant now, WorkingDays days);
  }

  private record Planned(Instant at, long order, String what, Runnable action) {}

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final ManagementService management;
  private final IdentityService identity;
  private final Map<String, String> userOfGroup;

  /** A script's value "userOf:&lt;group&gt;" is the group's user in this simulation (demo or test users). */
  static final String USER_OF = "userOf:";
  private final WorkingDays workingDays;
  private final PriorityQueue<Planned> plan = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
      ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
  private final Map<String, ClientScript> scripts = new HashMap<>();
  private final Set<String> planned = new HashSet<>();
  private long order;
  private int completedTasks;
  private int executedJobs;

  public Simulation(RuntimeService runtime, TaskService tasks, FormService forms, ManagementService management,
      IdentityService identity, WorkingDays workingDays, Map<String, String> userOfGroup) {
    this.workingDays = workingDays;
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.management = management;
    this.identity = identity;
    this.userOfGroup = Map.copyOf(userOfGroup);
  }

  /** Plans an action (an API call, say) at a moment. */
  public void at(Instant at, String what, Runnable action) {
    plan.add(new Planned(at, order++, what, action));
  }

  /** The script that decides the tasks of a case (or of a process instance, by its id) from now on. */
  public void follow(String caseNumberOrInstanceId, ClientScript script) {
    scripts.put(caseNumberOrInstanceId, script);
  }

  public int completedTasks() {
    return completedTasks;
  }

  public int executedJobs() {
    return executedJobs;
  }

  /** Runs every planned action and due job up to {@code end}; the clock is left at {@code end}. */
  public void runUntil(Instant end) {
    while (true) {
      Instant nextAction = plan.isEmpty() ? null : plan.peek().at();
      Instant nextTimer = nextTimer();
      Instant next = earliest(nextAction, nextTimer);
      if (next == null || next.isAfter(end)) {
        break;
      }
      if (next.isAfter(ClockUtil.getCurrentTime().toInstant())) {
        ClockUtil.setCurrentTime(Date.from(next));
      }
      runDueJobs();
      while (!plan.isEmpty() && !plan.peek().at().isAfter(next)) {
        Planned action = plan.poll();
        try {
          action.action().run();
        } catch (FormRefused e) {
          throw e;
        } catch (RuntimeException e) {
          LOG.warn("Simulation: '{}' failed: {}", action.what(), e.getMessage());
        }
        runDueJobs();
      }
      planNewTasks();
    }
    ClockUtil.setCurrentTime(Date.from(end));
    runDueJobs();
    planNewTasks();
  }

  private Instant nextTimer() {
    List<Job> timers = management.createJobQuery().timers().active().withRetriesLeft().orderByJobDuedate().asc().listPage(0, 1);
    return timers.isEmpty() || timers.get(0).getDuedate() == null ? null : timers.get(0).getDuedate().toInstant();
  }

  /** Runs the jobs due now until none is left; a failing job keeps its retries, as the job executor would. */
  private void runDueJobs() {
    Set<String> failed = new HashSet<>();
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().executable().listPage(0, 200).stream()
          .filter(job -> !failed.contains(job.getId())).toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
          executedJobs++;
        } catch (RuntimeException e) {
          failed.add(job.getId());
        }
      }
    }
  }

  /** Asks the client script of every new task when it is completed, and plans that. */
  private void planNewTasks() {
    Date since = Date.from(ClockUtil.getCurrentTime().toInstant().minusSeconds(2));
    for (Task task : tasks.createTaskQuery().taskCreatedAfter(since).list()) {
      if (!planned.add(task.getId())) {
        continue;
      }
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
      ClientScript script = instance == null ? null : scripts.get(instance.getBusinessKey());
      if (script == null && instance != null) {
        // Started from a form: known by its instance until the intake gave the case number.
        script = scripts.get(instance.getId());
        if (script != null && instance.getBusinessKey() != null) {
          scripts.put(instance.getBusinessKey(), script);
        }
      }
      if (script == null) {
        continue;
      }
      Instant now = ClockUtil.getCurrentTime().toInstant();
      script.plan(task, now, workingDays).ifPresent(taskPlan -> at(now.plus(taskPlan.after()),
          "complete " + task.getTaskDefinitionKey(), () -> complete(task, taskPlan.variables())));
    }
  }

  /** Completes the task as Tasklist does: the form's values for what the member of staff entered. */
  private void complete(Task task, Map<String, Object> entered) {
    String taskId = task.getId();
    // A user chosen in a form (the case manager) is named by group: the group's user here.
    Map<String, Object> chosen = new java.util.HashMap<>(entered);
    chosen.replaceAll((key, value) -> value instanceof String text && text.startsWith(USER_OF)
        ? userOfGroup.get(text.substring(USER_OF.length())) : value);
    entered = chosen;
    if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
      return; // ended meanwhile, e.g. by a terminate end or a boundary event
    }
    VariableMap submitted;
    try {
      submitted = TasklistForm.ofTask(forms, taskId).submit(forms.getTaskFormVariables(taskId), entered);
    } catch (IllegalArgumentException e) {
      throw new FormRefused(task.getTaskDefinitionKey(), e);
    }
    String group = tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
    String user = userOfGroup.get(group);
    try {
      if (user != null) {
        identity.setAuthentication(user, List.of(group));
        tasks.claim(taskId, user);
      }
      forms.submitTaskForm(taskId, submitted);
      completedTasks++;
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }
}
