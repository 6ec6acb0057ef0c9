package fi.polku.notify;

import fi.polku.cases.ClientCaseService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mails the client of the step's case (the business key), if an address is known; once per step and
 * occurrence. Every client mail is signed by the path's unit with its phone number ({@code
 * polku.mail.contacts}), so the client knows whom to call.
 */
@Component
public class ClientNotices {

  private static final Logger LOG = LoggerFactory.getLogger(ClientNotices.class);

  private final ClientCaseService cases;
  private final NotificationService notifications;
  private final MailProperties mail;

  ClientNotices(ClientCaseService cases, NotificationService notifications, MailProperties mail) {
    this.cases = cases;
    this.notifications = notifications;
    this.mail = mail;
  }

  /**
   * Queues the template to the client.
   *
   * @param occurrence tells a deliberate second pass of the step from the first (may be null)
   */
  public void tell(DelegateExecution step, String template, Map<String, String> values, String occurrence) {
    String caseNumber = step.getProcessBusinessKey();
    String path = step.getProcessDefinitionId().split(":")[0];
    MailProperties.Contact contact = mail.contacts().get(path);
    if (contact == null) {
      throw new IllegalStateException("polku.mail.contacts." + path + " is not set: a client mail needs its signature");
    }
    Map<String, String> signed = new HashMap<>(values);
    signed.put("unitName", contact.unit());
    signed.put("unitPhone", contact.phone());
    cases.clientEmail(caseNumber).ifPresentOrElse(
        email -> notifications.send(step, email, template, signed, occurrence),
        () -> LOG.info("Case {}: the client has no e-mail address; {} not mailed", caseNumber, template));
  }
}
