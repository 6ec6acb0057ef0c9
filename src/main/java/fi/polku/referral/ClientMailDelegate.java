package fi.polku.referral;

import fi.polku.cases.ProcessValues;
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

  /**
   * Mails the client about the booked time: the team appointment's template, or for further
   * investigations the template with {@code -investigations} after {@code referral}.
   */
  void mailClient(DelegateExecution execution, String template) {
    String kind = "investigations".equals(execution.getVariable(TeReferralModel.APPOINTMENT_KIND))
        ? template.replaceFirst("^referral-", "referral-investigations-") : template;
    java.time.Instant appointment = ReferralTimes.toInstant(execution.getVariable(TeReferralModel.APPOINTMENT_AT));
    // Every booking (a rebooking after a miss, a new time the client asked for, the team after the
    // investigations) is a new appointment: its invitation and reminder go out again, once each.
    Integer bookings = ProcessValues.integer(execution, TeReferralModel.BOOKINGS);
    String booking = "booking-" + (bookings == null ? 1 : bookings);
    clients.tell(execution, kind, Map.of(
        "caseNumber", execution.getProcessBusinessKey(),
        "appointmentTime", FINNISH_TIME.format(appointment),
        "appointmentPlace", String.valueOf(execution.getVariable(TeReferralModel.APPOINTMENT_PLACE))), booking);
  }
}
