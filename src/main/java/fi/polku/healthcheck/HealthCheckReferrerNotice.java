package fi.polku.healthcheck;

import fi.polku.notify.MailProperties;
import fi.polku.notify.NotificationService;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/** Tells whoever asked for the check (field statusText) what became of it; no health data. */
@Component("healthCheckReferrerNoticeDelegate")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class HealthCheckReferrerNotice implements JavaDelegate {

  private final HealthCheckService checks;
  private final IdentityService identityService;
  private final NotificationService notifications;
  private final MailProperties mail;

  private Expression statusText;

  HealthCheckReferrerNotice(HealthCheckService checks, IdentityService identityService,
      NotificationService notifications, MailProperties mail) {
    this.checks = checks;
    this.identityService = identityService;
    this.notifications = notifications;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifyReferrer(execution, (String) statusText.getValue(execution), checks, identityService, notifications, mail);
  }

  /** Mails the requester if it is a user with an address (a walk-in's nurse is skipped). */
  static void notifyReferrer(DelegateExecution execution, String text, HealthCheckService checks,
      IdentityService identityService, NotificationService notifications, MailProperties mail) {
    if ("walk-in".equals(execution.getVariable(HealthCheckModel.WAY_IN))) {
      return;
    }
    User requester = identityService.createUserQuery().userId(checks.requestedBy(execution.getProcessBusinessKey()))
        .singleResult();
    if (requester != null && requester.getEmail() != null && !requester.getEmail().isBlank()) {
      notifications.send(execution, requester.getEmail(), "referrer-status-notice", Map.of(
          "caseNumber", execution.getProcessBusinessKey(), "pathName", "Työttömien terveystarkastus",
          "statusText", text, "link", mail.tasklistUrl()));
    }
  }

  public void setStatusText(Expression statusText) {
    this.statusText = statusText;
  }
}
