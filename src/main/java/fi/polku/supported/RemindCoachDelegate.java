package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.notify.MailProperties;
import fi.polku.notify.NotificationService;
import fi.polku.security.StaffGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Stage 3: the search has had no employer contact by its due time. The coach (or, with no named
 * coach, the job-coach group) is reminded and the team lead told: a notice with the case number
 * and the due day, no client data. Each overdue search is its own notice, once.
 */
@Component("remindCoachDelegate")
class RemindCoachDelegate implements JavaDelegate {

  static final String COACH_TASK = "Tuettu työllistyminen: kirjaa työnantajakontakti";
  static final String TEAM_LEAD_TASK = "Tuetun työllistymisen työnhaussa ei työnantajakontaktia määräajassa";

  private final IdentityService identity;
  private final NotificationService notifications;
  private final MailProperties mail;

  RemindCoachDelegate(IdentityService identity, NotificationService notifications, MailProperties mail) {
    this.identity = identity;
    this.notifications = notifications;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String due = (String) execution.getVariable(CONTACT_DUE_TEXT);
    String occurrence = "due-" + ((java.util.Date) execution.getVariable(CONTACT_DUE)).getTime();
    String coach = (String) execution.getVariable(COACH);
    List<User> coaches = coach != null ? identity.createUserQuery().userId(coach).list()
        : identity.createUserQuery().memberOfGroup(StaffGroup.JOB_COACH.id()).list();
    send(execution, coaches, COACH_TASK, due, occurrence);
    send(execution, identity.createUserQuery().memberOfGroup(StaffGroup.TEAM_LEAD.id()).list(), TEAM_LEAD_TASK,
        "määräaika oli " + due, occurrence);
  }

  private void send(DelegateExecution execution, List<User> users, String task, String due, String occurrence) {
    for (User user : new ArrayList<>(users)) {
      if (user.getEmail() != null && !user.getEmail().isBlank()) {
        notifications.send(execution, user.getEmail(), "staff-task-notice", Map.of("caseNumber",
            execution.getProcessBusinessKey(), "taskName", task, "dueDate", due, "link", mail.tasklistUrl()), occurrence);
      }
    }
  }
}
