package fi.polku.notify;

import fi.polku.cases.ClientCaseService;
import fi.polku.cases.ClientLanguage;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mails the client of the step's case (the business key), if an address is known; once per step and
 * occurrence, in the client's language (the case's, or the intake's {@code language} variable while
 * the case has not yet recorded it). Every client mail is signed by the path's unit with its phone number ({@code
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
    ClientLanguage language = languageOf(step);
    Map<String, String> signed = signed(path, values, language);
    cases.clientEmail(caseNumber).ifPresentOrElse(
        email -> notifications.send(step, email, template, signed, occurrence, language),
        () -> LOG.info("Case {}: the client has no e-mail address; {} not mailed", caseNumber, template));
  }

  /**
   * Queues the template to the client of the case for an event no process step sends (a change
   * made on the case page), once per event, signed by the unit of the path.
   *
   * @param path the process key whose unit signs the mail
   * @param event what tells this event from every other of the case
   */
  public void tell(String caseNumber, String path, String event, String template, Map<String, String> values) {
    ClientLanguage language = cases.language(caseNumber);
    Map<String, String> signed = signed(path, values, language);
    cases.clientEmail(caseNumber).ifPresentOrElse(
        email -> notifications.sendForCase(caseNumber, event, email, template, signed, language),
        () -> LOG.info("Case {}: the client has no e-mail address; {} not mailed", caseNumber, template));
  }

  private ClientLanguage languageOf(DelegateExecution step) {
    Object intake = step.getVariable(ClientLanguage.VARIABLE);
    if (intake != null) {
      try {
        return ClientLanguage.fromCode(intake.toString());
      } catch (IllegalArgumentException e) {
        LOG.warn("Case {}: unknown client language in variable {}, the case's is used", step.getProcessBusinessKey(),
            ClientLanguage.VARIABLE);
      }
    }
    return cases.language(step.getProcessBusinessKey());
  }

  private Map<String, String> signed(String path, Map<String, String> values, ClientLanguage language) {
    MailProperties.Contact contact = mail.contacts().get(path);
    if (contact == null) {
      throw new IllegalStateException("polku.mail.contacts." + path + " is not set: a client mail needs its signature");
    }
    Map<String, String> signed = new HashMap<>(values);
    signed.put("unitName", contact.unit(language));
    signed.put("unitPhone", contact.phone());
    if (language == ClientLanguage.SV && signed.containsKey("appointmentTime")) {
      // The paths write times the Finnish way (1.12.2026 klo 9.30); Swedish says "kl." there.
      signed.put("appointmentTime", signed.get("appointmentTime").replace(" klo ", " kl. "));
    }
    return signed;
  }
}
