package fi.polku.healthcheck;

import fi.polku.notify.ClientNotices;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Invites the client by mail (how to book; voluntary, no sanctions). */
@Component("healthCheckInvitationDelegate")
class HealthCheckInvitationDelegate implements JavaDelegate {

  private final ClientNotices clients;

  HealthCheckInvitationDelegate(ClientNotices clients) {
    this.clients = clients;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clients.tell(execution, "health-check-invitation", Map.of("caseNumber", execution.getProcessBusinessKey()),
        InvitationRound.of(execution));
  }
}
