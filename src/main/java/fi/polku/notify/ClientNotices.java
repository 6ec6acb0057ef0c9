package fi.polku.notify;

import fi.polku.cases.ClientCaseService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Mails the client of the step's case (the business key), if an address is known; once per step and occurrence. */
@Component
public class ClientNotices {

  private static final Logger LOG = LoggerFactory.getLogger(ClientNotices.class);

  private final ClientCaseService cases;
  private final NotificationService notifications;

  ClientNotices(ClientCaseService cases, NotificationService notifications) {
    this.cases = cases;
    this.notifications = notifications;
  }

  /**
   * Queues the template to the client.
   *
   * @param occurrence tells a deliberate second pass of the step from the first (may be null)
   */
  public void tell(DelegateExecution step, String template, Map<String, String> values, String occurrence) {
    String caseNumber = step.getProcessBusinessKey();
    cases.clientEmail(caseNumber).ifPresentOrElse(
        email -> notifications.send(step, email, template, values, occurrence),
        () -> LOG.info("Case {}: the client has no e-mail address; {} not mailed", caseNumber, template));
  }
}
