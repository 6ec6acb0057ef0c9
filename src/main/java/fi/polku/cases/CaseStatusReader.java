package fi.polku.cases;

import fi.polku.cases.CaseStatus.PathStatus;
import fi.polku.cases.CaseStatus.Step;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Reads a case's paths from the engine's history, by the case number as business key. */
@Component
public class CaseStatusReader {

  /**
   * Processes that serve the paths (e.g. mail delivery) and are no path of their own. Onward
   * referrals are shown beside the paths, as onward referrals, by the API.
   */
  static final Set<String> INTERNAL_PROCESSES = Set.of("mail-delivery", "onward-referral");

  /** The step types at which a path waits for a person, a client or time. */
  static final Set<String> WAITING_TYPES = Set.of("userTask", "receiveTask", "intermediateTimer",
      "intermediateMessageCatch", "intermediateSignalCatch", "eventBasedGateway");

  private final HistoryService history;
  private final TaskService tasks;
  private final ClientCaseService cases;

  CaseStatusReader(HistoryService history, TaskService tasks, ClientCaseService cases) {
    this.history = history;
    this.tasks = tasks;
    this.cases = cases;
  }

  /** The status of the case (the caller has already been checked to take part in it). */
  public CaseStatus read(ClientCase clientCase) {
    List<PathStatus> paths = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(clientCase.caseNumber())
        .orderByProcessInstanceStartTime().asc().list().stream()
        .filter(instance -> !INTERNAL_PROCESSES.contains(instance.getProcessDefinitionKey()))
        .map(this::path)
        .toList();
    return new CaseStatus(clientCase.caseNumber(), clientCase.openedAt(), clientCase.openedByAgency(),
        clientCase.agencies().stream().sorted().toList(), paths);
  }

  private PathStatus path(HistoricProcessInstance instance) {
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).list();
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
    List<Step> current = activities.stream()
        .filter(activity -> activity.getEndTime() == null && WAITING_TYPES.contains(activity.getActivityType()))
        .map(activity -> new Step(activity.getActivityId(), ModelName.shown(activity.getActivityName()),
            open.stream().filter(task -> task.getTaskDefinitionKey().equals(activity.getActivityId()))
                .map(Task::getDueDate).filter(java.util.Objects::nonNull).findFirst().map(Date::toInstant).orElse(null)))
        .toList();
    String endState = instance.getEndTime() == null ? null : activities.stream()
        .filter(activity -> activity.getActivityType().endsWith("EndEvent") && activity.getEndTime() != null
            && instance.getId().equals(activity.getParentActivityInstanceId()))
        .max(Comparator.comparing(HistoricActivityInstance::getEndTime))
        .map(activity -> ModelName.shown(activity.getActivityName())).orElse(null);
    return new PathStatus(instance.getProcessDefinitionKey(), instance.getProcessDefinitionName(),
        state(instance.getState()), toInstant(instance.getStartTime()), toInstant(instance.getEndTime()),
        current, endState);
  }

  private static String state(String engineState) {
    return switch (engineState) {
      case HistoricProcessInstance.STATE_ACTIVE, HistoricProcessInstance.STATE_SUSPENDED -> "running";
      case HistoricProcessInstance.STATE_COMPLETED -> "ended";
      default -> "cancelled";
    };
  }

  private static Instant toInstant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
