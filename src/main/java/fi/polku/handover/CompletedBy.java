package fi.polku.handover;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/** Who completed a step's task of the instance (in Tasklist or by REST), for the steps that name that person. */
final class CompletedBy {

  private CompletedBy() {}

  /** The user who last completed the task of {@code taskKey} in the instance, or null when no user is known. */
  static String user(HistoryService history, String processInstanceId, String taskKey) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .finished().orderByHistoricTaskInstanceEndTime().desc().list().stream().findFirst()
        .flatMap(task -> history.createUserOperationLogQuery().taskId(task.getId())
            .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream().findFirst())
        .map(UserOperationLogEntry::getUserId).orElse(null);
  }
}
