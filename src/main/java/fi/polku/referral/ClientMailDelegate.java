package fi.polku.referral;

import fi.polku.cases.ClientCaseService;
import fi.polku.notify.NotificationService;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mails the client about the booked appointment (time and place only, no sanctions, no health data). */
abstract class ClientMailDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ClientMailDelegate.class);
  static final DateTimeFormatter FINNISH_TIME = DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm")
      .withZone(fi.polku.calendar.WorkingDays.FINLAND);

  private final ClientCaseService cases;
  private final NotificationService notifications;

  ClientMailDelegate(ClientCaseService cases, NotificationService notifications) {
    this.cases = cases;
    this.notifications = notifications;
  }

  void mailClient(DelegateExecution execution, String template) {
    String caseNumber = execution.getProcessBusinessKey();
    // A rebooked appointment is a new appointment: its invitation and reminder go out again, once.
    Object missed = execution.getVariable(TeReferralModel.MISSED_APPOINTMENTS);
    String booking = "booking-" + (missed instanceof Number number ? number.intValue() + 1 : 1);
    cases.clientEmail(caseNumber).ifPresentOrElse(email -> notifications.send(execution, email, template, Map.of(
            "caseNumber", caseNumber,
            "appointmentTime", FINNISH_TIME.format(ReferralTimes.toInstant(execution.getVariable(TeReferralModel.APPOINTMENT_AT))),
            "appointmentPlace", String.valueOf(execution.getVariable(TeReferralModel.APPOINTMENT_PLACE))), booking),
        () -> LOG.info("Case {}: the client has no e-mail address; {} not mailed", caseNumber, template));
  }
}
