package fi.polku.handover;

import fi.polku.notify.ClientNotices;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the client the guidance material for a person becoming unemployed (always, consent or not). */
@Component("guidanceDelegate")
class GuidanceDelegate implements JavaDelegate {

  private final ClientNotices clients;

  GuidanceDelegate(ClientNotices clients) {
    this.clients = clients;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clients.tell(execution, "handover-guidance", Map.of("caseNumber", execution.getProcessBusinessKey()), null);
  }
}
