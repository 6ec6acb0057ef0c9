package fi.polku.referral;

import fi.polku.notify.ClientNotices;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Mails the client about the booked appointment (time and place only, no sanctions, no health data). */
abstract class ClientMailDelegate {

  static final DateTimeFormatter FINNISH_TIME = DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm")
      .withZone(fi.polku.calendar.WorkingDays.FINLAND);

  private final ClientNotices clients;

  ClientMailDelegate(ClientNotices clients) {
    this.clients = clients;
  }

  void mailClient(DelegateExecution execution, String template) {
    // A rebooked appointment is a new appointment: its invitation and reminder go out again, once.
    Object missed = execution.getVariable(TeReferralModel.MISSED_APPOINTMENTS);
    String booking = "booking-" + (missed instanceof Number number ? number.intValue() + 1 : 1);
    clients.tell(execution, template, Map.of(
        "caseNumber", execution.getProcessBusinessKey(),
        "appointmentTime", FINNISH_TIME.format(ReferralTimes.toInstant(execution.getVariable(TeReferralModel.APPOINTMENT_AT))),
        "appointmentPlace", String.valueOf(execution.getVariable(TeReferralModel.APPOINTMENT_PLACE))), booking);
  }
}
