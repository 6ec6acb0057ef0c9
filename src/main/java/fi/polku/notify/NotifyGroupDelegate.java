package fi.polku.notify;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Tells the members of a staff group (field group) that a task waits for them (fields taskName,
 * dueDate): a notice with the case number and the task's name, no client data.
 */
@Component("notifyGroupDelegate")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class NotifyGroupDelegate implements JavaDelegate {

  private final IdentityService identityService;
  private final NotificationService notifications;
  private final MailProperties properties;

  // Injected per step from the model's camunda:field elements.
  private Expression group;
  private Expression taskName;
  private Expression dueDate;

  NotifyGroupDelegate(IdentityService identityService, NotificationService notifications,
      MailProperties properties) {
    this.identityService = identityService;
    this.notifications = notifications;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String task = (String) taskName.getValue(execution);
    String due = String.valueOf(dueDate.getValue(execution));
    for (User member : identityService.createUserQuery().memberOfGroup((String) group.getValue(execution)).list()) {
      if (member.getEmail() != null && !member.getEmail().isBlank()) {
        notifications.send(execution, member.getEmail(), "staff-task-notice", Map.of(
            "caseNumber", execution.getProcessBusinessKey(), "taskName", task, "dueDate", due,
            "link", properties.tasklistUrl()));
      }
    }
  }

  public void setGroup(Expression group) {
    this.group = group;
  }

  public void setTaskName(Expression taskName) {
    this.taskName = taskName;
  }

  public void setDueDate(Expression dueDate) {
    this.dueDate = dueDate;
  }
}
