package fi.polku.referral;

import fi.polku.notify.ClientNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the client of the appointment the day before. */
@Component("reminderDelegate")
class ReminderDelegate extends ClientMailDelegate implements JavaDelegate {

  ReminderDelegate(ClientNotices clients) {
    super(clients);
  }

  @Override
  public void execute(DelegateExecution execution) {
    mailClient(execution, "referral-reminder");
  }
}
