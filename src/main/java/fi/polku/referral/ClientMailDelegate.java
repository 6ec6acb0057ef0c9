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
    // A rebooked appointment (after a miss or at the client's request) is a new appointment: its
    // invitation and reminder go out again, once.
    String booking = "booking-" + (count(execution, TeReferralModel.MISSED_APPOINTMENTS)
        + count(execution, TeReferralModel.RESCHEDULED_APPOINTMENTS) + 1);
    clients.tell(execution, template, Map.of(
        "caseNumber", execution.getProcessBusinessKey(),
        "appointmentTime", FINNISH_TIME.format(ReferralTimes.toInstant(execution.getVariable(TeReferralModel.APPOINTMENT_AT))),
        "appointmentPlace", String.valueOf(execution.getVariable(TeReferralModel.APPOINTMENT_PLACE))), booking);
  }

  private static int count(DelegateExecution execution, String variable) {
    return execution.getVariable(variable) instanceof Number number ? number.intValue() : 0;
  }
}
