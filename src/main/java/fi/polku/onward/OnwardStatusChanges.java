package fi.polku.onward;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.ClientCaseService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The onward referral record as its process moves it: created in status requested, each step's
 * status with a row of history (who, when, why), the deadlines of the receiver's answer and the
 * events the other paths hear ({@link OnwardReferralAccepted}, {@link OnwardReferralClosed}).
 * The delegates of {@code onward-referral} write through this; everyone else reads through
 * {@link OnwardReferrals}.
 */
@Component
class OnwardStatusChanges {

  private final JdbcTemplate jdbc;
  private final ClientCaseService cases;
  private final WorkingDays workingDays;
  private final OnwardProperties properties;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  OnwardStatusChanges(JdbcTemplate jdbc, ClientCaseService cases, WorkingDays workingDays, OnwardProperties properties,
      Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.workingDays = workingDays;
    this.properties = properties;
    this.clock = clock;
    this.events = events;
  }

  /** Inserts the referral in status requested with the first row of its history. */
  long create(OnwardReferrals.OnwardRequest request, Long replacesId, String actor) {
    cases.get(request.caseNumber());
    Instant now = clock.instant();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into onward_referral (case_number, sending_agency,"
          + " responsible_group, responsible_worker, receiving_agency, service, reason, content_scope, sent_by_path,"
          + " replaces_id, status, status_changed_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      int i = 0;
      statement.setString(++i, request.caseNumber());
      statement.setString(++i, request.sendingAgency().code());
      statement.setString(++i, request.responsibleGroup());
      statement.setString(++i, request.responsibleWorker());
      statement.setString(++i, request.service().agency().code());
      statement.setString(++i, request.service().code());
      statement.setString(++i, request.reason());
      statement.setString(++i, request.contentScope().code());
      statement.setString(++i, request.sentByPath());
      statement.setObject(++i, replacesId);
      statement.setString(++i, OnwardStatus.REQUESTED.code());
      statement.setTimestamp(++i, Timestamp.from(now));
      statement.setTimestamp(++i, Timestamp.from(now));
      return statement;
    }, key);
    long id = key.getKey().longValue();
    addHistory(id, OnwardStatus.REQUESTED, null, actor);
    return id;
  }

  /** Ties the record to its process instance (once). */
  void attach(long id, String processInstanceId) {
    jdbc.update("update onward_referral set process_instance_id = ? where id = ? and process_instance_id is null",
        processInstanceId, id);
  }

  /** The consent check's answer at the crossing; without consent the record says nothing crossed. */
  void consentChecked(long id, boolean allowed, String actor) {
    jdbc.update("update onward_referral set consent_at_crossing = ?, status_reason = ? where id = ?", allowed,
        allowed ? null : NO_CONSENT, id);
    if (!allowed) {
      addHistory(id, OnwardStatus.REQUESTED, NO_CONSENT, actor);
    }
  }

  static final String NO_CONSENT = "Ei suostumusta: mitään ei lähetetty vastaanottajalle";

  /** Sent to the receiver now; its answer is due after the configured working days. The due time. */
  Date sent(long id, String actor) {
    Date due = workingDays.after(properties.answerDue());
    jdbc.update("update onward_referral set sent_at = ?, answer_due_at = ?, status_reason = null, unaccounted_since = null"
        + " where id = ?", Timestamp.from(clock.instant()), new Timestamp(due.getTime()), id);
    addHistory(id, OnwardStatus.REQUESTED, "Lähetetty vastaanottajalle", actor);
    return due;
  }

  /** The receiver took the client, with the first appointment. */
  void accepted(long id, Instant firstAppointment, String actor) {
    jdbc.update("update onward_referral set first_appointment_at = ?, unaccounted_since = null where id = ?",
        firstAppointment == null ? null : Timestamp.from(firstAppointment), id);
    changeStatus(id, OnwardStatus.ACCEPTED, null, actor);
    OnwardReferral referral = get(id);
    events.publishEvent(new OnwardReferralAccepted(id, referral.caseNumber(), referral.service(), actor, firstAppointment));
  }

  /** The referral's process reached an end state: the path that sent the client hears of it. */
  void closed(long id, OnwardReferralClosed.Ending ending) {
    OnwardReferral referral = get(id);
    events.publishEvent(new OnwardReferralClosed(id, referral.caseNumber(), referral.service(), referral.status(), ending));
  }

  /** The receiver refused with a reason: unaccounted until the sender decides. */
  void rejected(long id, String reason, String actor) {
    changeStatus(id, OnwardStatus.REJECTED, reason, actor);
    jdbc.update("update onward_referral set unaccounted_since = ? where id = ?", Timestamp.from(clock.instant()), id);
  }

  /** No answer by the deadline: unaccounted since the deadline until the sender decides. */
  void unanswered(long id, String actor) {
    OnwardReferral referral = get(id);
    Instant since = referral.answerDueAt() != null ? referral.answerDueAt() : clock.instant();
    jdbc.update("update onward_referral set unaccounted_since = ?, status_reason = ? where id = ?",
        Timestamp.from(since), NO_ANSWER, id);
    addHistory(id, OnwardStatus.REQUESTED, NO_ANSWER, actor);
  }

  static final String NO_ANSWER = "Ei vastausta määräajassa";

  /** The sender asked the receiver again: waiting for an answer with a new deadline. The due time. */
  Date askedAgain(long id, String actor) {
    Date due = workingDays.after(properties.answerDue());
    jdbc.update("update onward_referral set answer_due_at = ?, unaccounted_since = null where id = ?",
        new Timestamp(due.getTime()), id);
    changeStatus(id, OnwardStatus.REQUESTED, "Lähettäjä pyysi vastaanottajaa uudelleen", actor);
    return due;
  }

  /** Closes the referral as cancelled (sender's decision, sent elsewhere, given to the client). */
  void cancelled(long id, String reason, String actor) {
    jdbc.update("update onward_referral set unaccounted_since = null where id = ?", id);
    changeStatus(id, OnwardStatus.CANCELLED, reason, actor);
  }

  /** The receiver's feedback and outcome (completed or failed); in progress first if it was not yet. */
  void finished(long id, OnwardStatus outcome, String feedback, String actor) {
    if (get(id).status() == OnwardStatus.ACCEPTED) {
      changeStatus(id, OnwardStatus.IN_PROGRESS, "Palvelu alkanut", actor);
    }
    jdbc.update("update onward_referral set outcome_feedback = ? where id = ?", feedback, id);
    changeStatus(id, outcome, null, actor);
  }

  /** Moves the referral to the status and writes the history row. */
  void changeStatus(long id, OnwardStatus status, String reason, String actor) {
    Instant now = clock.instant();
    jdbc.update("update onward_referral set status = ?, status_reason = ?, status_changed_at = ? where id = ?",
        status.code(), reason, Timestamp.from(now), id);
    addHistory(id, status, reason, actor);
  }

  private void addHistory(long id, OnwardStatus status, String reason, String actor) {
    jdbc.update("insert into onward_referral_status_history (onward_referral_id, status, reason, changed_at, changed_by)"
        + " values (?, ?, ?, ?, ?)", id, status.code(), reason == null ? null : shorten(reason),
        Timestamp.from(clock.instant()), actor);
  }

  private static String shorten(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
  }

  private OnwardReferral get(long id) {
    return jdbc.query("select * from onward_referral where id = ?", OnwardRows::referral, id).stream().findFirst()
        .orElseThrow(() -> new OnwardReferralNotFoundException(id));
  }
}
