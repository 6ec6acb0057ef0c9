package fi.polku.healthcheck;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.onward.OnwardReferral;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.onward.OnwardStatus;
import fi.polku.security.StaffGroup;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * Requests one onward referral per route that has a receiving service (physician, specialist
 * care, rehabilitation-need assessment): sent by the sote centre, the health-check nurses
 * responsible and the nurse who did the check as the worker, carrying the check's health content,
 * which the onward referral's own consent check lets across or not. A route already requested by
 * this path and still open is not requested twice.
 */
@Component("requestHealthCheckOnwardReferralsDelegate")
class RequestHealthCheckOnwardReferralsDelegate implements JavaDelegate {

  /** An onward referral in one of these states is over: the route may be requested again. */
  private static final Set<OnwardStatus> CLOSED = EnumSet.of(OnwardStatus.COMPLETED, OnwardStatus.FAILED,
      OnwardStatus.CANCELLED);

  private final OnwardReferrals referrals;
  private final HistoryService history;

  RequestHealthCheckOnwardReferralsDelegate(OnwardReferrals referrals, HistoryService history) {
    this.referrals = referrals;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    String nurse = completedBy(execution.getProcessInstanceId(), HealthCheckModel.TASK_HEALTH_CHECK);
    List<OnwardReferral> earlier = referrals.ofCase(caseNumber);
    for (HealthCheckRoutes.Onward onward : HealthCheckRoutes.onwardFrom(execution.getVariable(HealthCheckModel.ONWARD_ROUTES))) {
      OnwardService service = OnwardService.fromCode(onward.service());
      boolean open = earlier.stream().anyMatch(referral -> HealthCheckModel.PROCESS_KEY.equals(referral.sentByPath())
          && referral.service() == service && !CLOSED.contains(referral.status()));
      if (!open) {
        referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.SOTE, StaffGroup.HEALTH_CHECK_NURSE.id(),
            nurse, service, "Työttömien terveystarkastus: " + onward.reason(), ConsentScope.HEALTH,
            HealthCheckModel.PROCESS_KEY));
      }
    }
  }

  /** Who completed the path's last task of that step (Tasklist or REST), or null when no user is known. */
  private String completedBy(String processInstanceId, String taskKey) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .finished().orderByHistoricTaskInstanceEndTime().desc().list().stream().findFirst()
        .flatMap(task -> history.createUserOperationLogQuery().taskId(task.getId())
            .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream().findFirst())
        .map(UserOperationLogEntry::getUserId).orElse(null);
  }
}
