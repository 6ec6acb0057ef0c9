package fi.polku.notify;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Tells the person (or system account) who started a path what happened to it: case, path, status text. */
@Component
public class StatusNotices {

  private final IdentityService identityService;
  private final NotificationService notifications;
  private final MailProperties mail;

  StatusNotices(IdentityService identityService, NotificationService notifications, MailProperties mail) {
    this.identityService = identityService;
    this.notifications = notifications;
    this.mail = mail;
  }

  /** Mails the status notice to the user, once per step, if the user has an address. */
  public void tell(DelegateExecution step, String userId, String pathName, String statusText) {
    User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
      notifications.send(step, user.getEmail(), "referrer-status-notice", Map.of(
          "caseNumber", step.getProcessBusinessKey(), "pathName", pathName, "statusText", statusText,
          "link", mail.tasklistUrl()));
    }
  }
}
