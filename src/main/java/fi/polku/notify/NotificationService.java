package fi.polku.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import fi.polku.cases.ClientLanguage;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mail from process steps, exactly once per step. The step's delegate calls {@link #send}: in the
 * engine's own transaction it writes an outbox row keyed by (process instance, step, recipient,
 * template) and, for the first mail of the transaction, starts the {@code mail-delivery} process,
 * whose asynchronous step sends the transaction's rows with retries (the further rows name the first
 * in {@code delivery_id}). A retried or re-run step finds its row and sends nothing more.
 */
@Service
public class NotificationService {

  /** Process key of the delivery process (processes/mail-delivery.bpmn). */
  public static final String DELIVERY_PROCESS = "mail-delivery";
  /** Variable of the delivery process: the outbox row to send. */
  public static final String OUTBOX_ID = "outboxId";

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final Clock clock;

  NotificationService(JdbcTemplate jdbc, RuntimeService runtimeService, Clock clock) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /**
   * Queues the mail of the template to the recipient for the current step, once.
   *
   * @param values the template's placeholders (only {@link MailTemplate#ALLOWED} names)
   * @return the outbox row's id (the first one's, when the step runs again)
   */
  public long send(DelegateExecution step, String recipient, String template, Map<String, String> values) {
    return send(step, recipient, template, values, null);
  }

  /**
   * As {@link #send(DelegateExecution, String, String, Map)}, for a step that is passed more than
   * once on purpose (a rebooked appointment): each occurrence is its own mail, still once each.
   *
   * @param occurrence what tells this pass of the step from an earlier one, e.g. "booking-2"
   */
  public long send(DelegateExecution step, String recipient, String template, Map<String, String> values,
      String occurrence) {
    return send(step, recipient, template, values, occurrence, ClientLanguage.FI);
  }

  /** As {@link #send(DelegateExecution, String, String, Map, String)}, with the template in the language. */
  public long send(DelegateExecution step, String recipient, String template, Map<String, String> values,
      String occurrence, ClientLanguage language) {
    String activityId = step.getCurrentActivityId() + (occurrence == null ? "" : "#" + occurrence);
    return queue(step.getProcessInstanceId(), activityId, step.getProcessBusinessKey(), recipient, template, values,
        language);
  }

  /**
   * Queues a mail that no process step sends (a change made on the case page), once per event:
   * the event's key stands in for the step.
   *
   * @param event what tells this event from every other of the case, e.g. "responsible#42"
   */
  public long sendForCase(String caseNumber, String event, String recipient, String template,
      Map<String, String> values, ClientLanguage language) {
    return queue("case:" + caseNumber, event, caseNumber, recipient, template, values, language);
  }

  private long queue(String processInstanceId, String activityId, String caseNumber, String recipient, String template,
      Map<String, String> values, ClientLanguage language) {
    List<Long> existing = jdbc.queryForList(
        "select id from mail_outbox where process_instance_id = ? and activity_id = ? and recipient = ? and template = ?",
        Long.class, processInstanceId, activityId, recipient, template);
    if (!existing.isEmpty()) {
      LOG.info("Case {}: mail '{}' of step {} already queued, not sending again", caseNumber, template, activityId);
      return existing.get(0);
    }
    MailTemplate.RenderedMail mail = MailTemplate.load(template, language).render(values);
    String messageId = messageId(processInstanceId, activityId, recipient, template);
    jdbc.update("insert into mail_outbox (process_instance_id, activity_id, recipient, template, case_number,"
            + " subject, body, message_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        processInstanceId, activityId, recipient, template, caseNumber, mail.subject(), mail.body(), messageId,
        Timestamp.from(clock.instant()));
    long id = jdbc.queryForObject("select id from mail_outbox where message_id = ?", Long.class, messageId);
    Long delivery = deliveryOfThisTransaction();
    if (delivery != null) {
      jdbc.update("update mail_outbox set delivery_id = ? where id = ?", delivery, id);
      LOG.info("Case {}: mail '{}' of step {} queued as outbox row {}, sent with row {}", caseNumber, template,
          activityId, id, delivery);
      return id;
    }
    runtimeService.createProcessInstanceByKey(DELIVERY_PROCESS)
        .businessKey(caseNumber)
        .setVariable(OUTBOX_ID, id)
        .execute();
    rememberDelivery(id);
    LOG.info("Case {}: mail '{}' of step {} queued as outbox row {}", caseNumber, template, activityId, id);
    return id;
  }

  /**
   * Registered with the transaction by its first mail: the first outbox row, whose mail-delivery
   * instance sends the transaction's mail. Lives in the transaction's synchronizations, so a
   * suspended transaction's (REQUIRES_NEW) is not seen by the inner one, and it ends with it.
   */
  private final class TransactionDelivery implements TransactionSynchronization {
    private final long firstRow;

    private TransactionDelivery(long firstRow) {
      this.firstRow = firstRow;
    }

    private NotificationService service() {
      return NotificationService.this;
    }
  }

  /**
   * The first outbox row this transaction queued, or null (none yet, or no transaction). A row
   * queued inside a savepoint that was rolled back (one bad row of a cohort import) is gone with its
   * delivery instance: then the next mail starts a delivery of its own.
   */
  private Long deliveryOfThisTransaction() {
    TransactionDelivery delivery = currentDelivery();
    if (delivery == null) {
      return null;
    }
    Integer stillThere = jdbc.queryForObject("select count(*) from mail_outbox where id = ?", Integer.class,
        delivery.firstRow);
    return stillThere != null && stillThere > 0 ? delivery.firstRow : null;
  }

  private TransactionDelivery currentDelivery() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    TransactionDelivery found = null;
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof TransactionDelivery delivery && delivery.service() == this) {
        found = delivery; // the last registered: a later one replaces one rolled back with its savepoint
      }
    }
    return found;
  }

  private void rememberDelivery(long firstRow) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionDelivery(firstRow));
    }
  }

  /** The same step, recipient and template always get the same Message-ID, so a resend is recognisable. */
  static String messageId(String processInstanceId, String activityId, String recipient, String template) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest(String.join("|", processInstanceId, activityId, recipient, template)
          .getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash, 0, 16) + ".outbox@polku.invalid>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
