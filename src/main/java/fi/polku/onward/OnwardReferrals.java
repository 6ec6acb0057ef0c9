package fi.polku.onward;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.consent.ConsentScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onward referrals: the one way a path hands a client over to another agency's service
 * ({@link #request}), the record with its status history, and the unaccounted list.
 */
@Service
@EnableConfigurationProperties(OnwardProperties.class)
public class OnwardReferrals {

  private final JdbcTemplate jdbc;
  private final ClientCaseService cases;
  private final RuntimeService runtime;
  private final WorkingDays workingDays;
  private final OnwardProperties properties;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  OnwardReferrals(JdbcTemplate jdbc, ClientCaseService cases, @Lazy RuntimeService runtime, WorkingDays workingDays,
      OnwardProperties properties, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.cases = cases;
    this.runtime = runtime;
    this.workingDays = workingDays;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * What a path (or staff) asks for.
   *
   * @param responsibleGroup the sender's staff group that keeps responsibility meanwhile
   * @param responsibleWorker the named worker in that group, or null
   * @param contentScope what the referral carries: status, plan or health
   * @param sentByPath the process key of the path that sends it, or null when staff start it
   */
  public record OnwardRequest(String caseNumber, Agency sendingAgency, String responsibleGroup,
      String responsibleWorker, OnwardService service, String reason, ConsentScope contentScope, String sentByPath) {}

  /**
   * Starts an onward referral of the case (message {@code OnwardReferralRequested}): the record in
   * status requested, then the process checks consent before anything leaves. Its id.
   */
  @Transactional
  public long request(OnwardRequest request) {
    return request(request, null, request.sentByPath() == null ? "process" : "process:" + request.sentByPath());
  }

  long request(OnwardRequest request, Long replacesId, String actor) {
    long id = create(request, replacesId, actor);
    runtime.createMessageCorrelation(OnwardReferralModel.MESSAGE_REQUESTED)
        .processInstanceBusinessKey(request.caseNumber())
        .setVariables(variables(get(id)))
        .correlateStartMessage();
    return id;
  }

  /** Cancels the open onward referral (message {@code OnwardReferralCancelled}); a closed one is left as it is. */
  @Transactional
  public void cancel(long id, String reason, String actor) {
    OnwardReferral referral = get(id);
    if (OnwardStatus.CLOSED.contains(referral.status()) || referral.processInstanceId() == null) {
      return;
    }
    runtime.createMessageCorrelation(OnwardReferralModel.MESSAGE_CANCELLED)
        .processInstanceId(referral.processInstanceId())
        .setVariable(OnwardReferralModel.CANCEL_REASON, reason)
        .setVariable(OnwardReferralModel.CANCELLED_BY, actor)
        .correlate();
  }

  /**
   * The receiver's path completes the referral it accepted with its feedback (message {@code
   * OnwardReferralCompleted}), as the receiver's form or system would; the feedback returns to the
   * sender under the consent check. A referral that is not waiting for its feedback (already
   * completed by hand, cancelled) is left as it is. Whether it was completed now.
   *
   * @param completed true: the service took place; false: it failed
   */
  @Transactional
  public boolean complete(long id, boolean completed, String feedback, String actor) {
    OnwardReferral referral = get(id);
    if (referral.processInstanceId() == null || runtime.createEventSubscriptionQuery()
        .processInstanceId(referral.processInstanceId()).eventType("message")
        .eventName(OnwardReferralModel.MESSAGE_COMPLETED).count() == 0) {
      return false;
    }
    Map<String, Object> answer = new HashMap<>();
    answer.put(OnwardReferralModel.OUTCOME, completed ? OnwardStatus.COMPLETED.code() : OnwardStatus.FAILED.code());
    answer.put(OnwardReferralModel.FEEDBACK, feedback);
    answer.put(OnwardReferralModel.ANSWERED_BY, actor);
    runtime.createMessageCorrelation(OnwardReferralModel.MESSAGE_COMPLETED)
        .processInstanceId(referral.processInstanceId()).setVariables(answer).correlate();
    return true;
  }

  /** The onward referrals of the case, oldest first. */
  public List<OnwardReferral> ofCase(String caseNumber) {
    return jdbc.query("select * from onward_referral where case_number = ? order by created_at, id",
        OnwardReferrals::referral, caseNumber);
  }

  /** The status history of the referral, oldest first. */
  public List<OnwardReferral.StatusChange> history(long id) {
    return jdbc.query("select status, reason, changed_at, changed_by from onward_referral_status_history"
            + " where onward_referral_id = ? order by changed_at, id",
        (rs, row) -> new OnwardReferral.StatusChange(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
            rs.getString(4)), id);
  }

  /** The referral, or {@link OnwardReferralNotFoundException}. */
  public OnwardReferral get(long id) {
    return find(id).orElseThrow(() -> new OnwardReferralNotFoundException(id));
  }

  Optional<OnwardReferral> find(long id) {
    return jdbc.query("select * from onward_referral where id = ?", OnwardReferrals::referral, id).stream().findFirst();
  }

  /** The referrals a receiving agency has been sent, optionally of one status, oldest first. */
  List<OnwardReferral> inbox(Agency receiver, OnwardStatus status) {
    if (status == null) {
      return jdbc.query("select * from onward_referral where receiving_agency = ? and sent_at is not null"
          + " order by created_at, id", OnwardReferrals::referral, receiver.code());
    }
    return jdbc.query("select * from onward_referral where receiving_agency = ? and sent_at is not null"
        + " and status = ? order by created_at, id", OnwardReferrals::referral, receiver.code(), status.code());
  }

  /**
   * The unaccounted referrals: rejected, or unanswered past their deadline, with no decision of the
   * sender yet; longest first. An unanswered one counts from its deadline even before its timer ran.
   */
  public List<OnwardReferral> unaccounted() {
    return jdbc.query("select * from onward_referral where unaccounted_since is not null"
            + " or (status = ? and sent_at is not null and answer_due_at < ?)"
            + " order by coalesce(unaccounted_since, answer_due_at), id",
        OnwardReferrals::referral, OnwardStatus.REQUESTED.code(), Timestamp.from(clock.instant()))
        .stream().map(referral -> referral.unaccountedSince() != null ? referral : withSince(referral)).toList();
  }

  private static OnwardReferral withSince(OnwardReferral r) {
    return new OnwardReferral(r.id(), r.caseNumber(), r.processInstanceId(), r.sendingAgency(), r.responsibleGroup(),
        r.responsibleWorker(), r.receivingAgency(), r.service(), r.reason(), r.contentScope(), r.sentByPath(),
        r.replacesId(), r.status(), r.statusReason(), r.consentAtCrossing(), r.sentAt(), r.answerDueAt(),
        r.firstAppointmentAt(), r.feedback(), r.answerDueAt(), r.createdAt());
  }

  /** The process variables of a new referral: ids and what the forms show. */
  static Map<String, Object> variables(OnwardReferral referral) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(OnwardReferralModel.ONWARD_REFERRAL_ID, referral.id());
    variables.put(OnwardReferralModel.CASE_NUMBER, referral.caseNumber());
    variables.put(OnwardReferralModel.RECEIVING_SERVICE, referral.service().code());
    variables.put(OnwardReferralModel.RECEIVING_SERVICE_NAME, referral.service().finnishName());
    variables.put(OnwardReferralModel.RECEIVING_GROUP, referral.service().taskGroup());
    // A system's technical user gets no mail: its system reads the inbox.
    variables.put(OnwardReferralModel.RECEIVER_NOTICE_GROUP,
        referral.service().group().map(fi.polku.security.StaffGroup::id).orElse(""));
    variables.put(OnwardReferralModel.RESPONSIBLE_GROUP, referral.responsibleGroup());
    variables.put(OnwardReferralModel.RESPONSIBLE_WORKER, referral.responsibleWorker());
    variables.put(OnwardReferralModel.ONWARD_REASON, referral.reason());
    variables.put(OnwardReferralModel.CONTENT_SCOPE, referral.contentScope().code());
    return variables;
  }

  /** Inserts the referral in status requested with the first row of its history. */
  long create(OnwardRequest request, Long replacesId, String actor) {
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

  private static OnwardReferral referral(ResultSet rs, int row) throws SQLException {
    Number replaces = (Number) rs.getObject("replaces_id");
    Object consent = rs.getObject("consent_at_crossing");
    return new OnwardReferral(rs.getLong("id"), rs.getString("case_number"), rs.getString("process_instance_id"),
        Agency.fromCode(rs.getString("sending_agency")), rs.getString("responsible_group"),
        rs.getString("responsible_worker"), Agency.fromCode(rs.getString("receiving_agency")),
        OnwardService.fromCode(rs.getString("service")), rs.getString("reason"),
        ConsentScope.fromCode(rs.getString("content_scope")), rs.getString("sent_by_path"),
        replaces == null ? null : replaces.longValue(), OnwardStatus.fromCode(rs.getString("status")),
        rs.getString("status_reason"), consent == null ? null : rs.getBoolean("consent_at_crossing"),
        instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("answer_due_at")),
        instant(rs.getTimestamp("first_appointment_at")), rs.getString("outcome_feedback"),
        instant(rs.getTimestamp("unaccounted_since")), instant(rs.getTimestamp("created_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
