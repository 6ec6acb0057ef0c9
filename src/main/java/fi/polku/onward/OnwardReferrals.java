package fi.polku.onward;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
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
  private final RuntimeService runtime;
  private final OnwardStatusChanges changes;
  private final Clock clock;

  OnwardReferrals(JdbcTemplate jdbc, @Lazy RuntimeService runtime, OnwardStatusChanges changes, Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.changes = changes;
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
    long id = changes.create(request, replacesId, actor);
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
        OnwardRows::referral, caseNumber);
  }

  /** The status history of the referral, oldest first. */
  public List<OnwardReferral.StatusChange> history(long id) {
    return jdbc.query("select status, reason, changed_at, changed_by from onward_referral_status_history"
            + " where onward_referral_id = ? order by changed_at, id",
        (rs, row) -> new OnwardReferral.StatusChange(rs.getString(1), rs.getString(2), OnwardRows.instant(rs.getTimestamp(3)),
            rs.getString(4)), id);
  }

  /** The referral, or {@link OnwardReferralNotFoundException}. */
  public OnwardReferral get(long id) {
    return find(id).orElseThrow(() -> new OnwardReferralNotFoundException(id));
  }

  Optional<OnwardReferral> find(long id) {
    return jdbc.query("select * from onward_referral where id = ?", OnwardRows::referral, id).stream().findFirst();
  }

  /** The referrals a receiving agency has been sent, optionally of one status, oldest first. */
  List<OnwardReferral> inbox(Agency receiver, OnwardStatus status) {
    if (status == null) {
      return jdbc.query("select * from onward_referral where receiving_agency = ? and sent_at is not null"
          + " order by created_at, id", OnwardRows::referral, receiver.code());
    }
    return jdbc.query("select * from onward_referral where receiving_agency = ? and sent_at is not null"
        + " and status = ? order by created_at, id", OnwardRows::referral, receiver.code(), status.code());
  }

  /**
   * The unaccounted referrals: rejected, or unanswered past their deadline, with no decision of the
   * sender yet; longest first. An unanswered one counts from its deadline even before its timer ran.
   */
  public List<OnwardReferral> unaccounted() {
    return jdbc.query("select * from onward_referral where unaccounted_since is not null"
            + " or (status = ? and sent_at is not null and answer_due_at < ?)"
            + " order by coalesce(unaccounted_since, answer_due_at), id",
        OnwardRows::referral, OnwardStatus.REQUESTED.code(), Timestamp.from(clock.instant()))
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


}
