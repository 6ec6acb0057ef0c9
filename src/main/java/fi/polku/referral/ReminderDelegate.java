package fi.polku.referral;

import fi.polku.cases.ClientCaseService;
import fi.polku.notify.NotificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the client of the appointment the day before. */
@Component("reminderDelegate")
class ReminderDelegate extends ClientMailDelegate implements JavaDelegate {

  ReminderDelegate(ClientCaseService cases, NotificationService notifications) {
    super(cases, notifications);
  }

  @Override
  public void execute(DelegateExecution execution) {
    mailClient(execution, "referral-reminder");
  }
}
