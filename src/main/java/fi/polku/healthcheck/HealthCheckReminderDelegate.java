package fi.polku.healthcheck;

import fi.polku.notify.ClientNotices;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the client who has not booked. */
@Component("healthCheckReminderDelegate")
class HealthCheckReminderDelegate implements JavaDelegate {

  private final ClientNotices clients;

  HealthCheckReminderDelegate(ClientNotices clients) {
    this.clients = clients;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clients.tell(execution, "health-check-reminder", Map.of("caseNumber", execution.getProcessBusinessKey()),
        InvitationRound.of(execution));
  }
}
