package fi.polku.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox rows of one transaction (the asynchronous step of mail-delivery): the row the
 * instance was started for and the rows queued after it in the same transaction, over one kept SMTP
 * connection, one message at a time.
 *
 * <p>Each row is marked sent in a transaction of its own as soon as the SMTP server has taken its
 * message, not with the job: a job whose own transaction is lost afterwards (the node dies, the
 * database restarts before the job commits, a later step fails) finds the row sent when it runs
 * again and sends nothing twice. If the database is away at that moment, the mark is tried again
 * for up to {@link #MARK_PATIENCE} before the job gives up (docs/reliability.md, "Mail"). An SMTP
 * failure fails the job after the rows that did go out are marked, so the engine's retries and,
 * after the incident in Cockpit is resolved, the last retry send only the rest, once.
 */
@Component("mailDeliveryDelegate")
class MailDeliveryDelegate implements JavaDelegate {

  /** How long the mark of a mail the server took is retried through a database outage. */
  static final Duration MARK_PATIENCE = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(MailDeliveryDelegate.class);

  private final JdbcTemplate jdbc;
  private final JavaMailSender sender;
  private final MailProperties properties;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  MailDeliveryDelegate(JdbcTemplate jdbc, JavaMailSender sender, MailProperties properties, Clock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void execute(DelegateExecution execution) throws MessagingException {
    long id = ((Number) execution.getVariable(NotificationService.OUTBOX_ID)).longValue();
    List<Map<String, Object>> rows = jdbc.queryForList(
        "select * from mail_outbox where (id = ? or delivery_id = ?) and sent_at is null order by id", id, id);
    if (rows.isEmpty()) {
      LOG.info("Case {}: outbox row {} was already sent", execution.getProcessBusinessKey(), id);
      return;
    }
    for (Map<String, Object> row : rows) {
      sender.send(message(row));
      markSent(row);
    }
  }

  private MimeMessage message(Map<String, Object> row) throws MessagingException {
    MimeMessage message = new FixedIdMimeMessage(sender.createMimeMessage(), (String) row.get("message_id"));
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo((String) row.get("recipient"));
    helper.setSubject((String) row.get("subject"));
    helper.setText((String) row.get("body"), false);
    return message;
  }

  /** Marks the row sent in its own transaction, trying again while the database is away. */
  private void markSent(Map<String, Object> row) {
    long giveUpAt = System.nanoTime() + MARK_PATIENCE.toNanos();
    while (true) {
      try {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
            "update mail_outbox set sent_at = ?, attempts = attempts + 1 where id = ? and sent_at is null",
            Timestamp.from(clock.instant()), row.get("id")));
        LOG.info("Case {}: mail '{}' sent (outbox row {})", row.get("case_number"), row.get("template"), row.get("id"));
        return;
      } catch (TransientDataAccessException | DataAccessResourceFailureException | TransactionException e) {
        if (System.nanoTime() > giveUpAt) {
          LOG.error("Case {}: outbox row {} was sent but could not be marked sent for {}; a retry of the job"
              + " sends it again with the same Message-ID", row.get("case_number"), row.get("id"), MARK_PATIENCE);
          throw e;
        }
        LOG.warn("Case {}: marking outbox row {} sent waits for the database ({})", row.get("case_number"),
            row.get("id"), e.getClass().getSimpleName());
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the database", interrupted);
    }
  }

  /** Keeps our stable Message-ID instead of the random one JavaMail would set on save. */
  private static final class FixedIdMimeMessage extends MimeMessage {
    private final String messageId;

    FixedIdMimeMessage(MimeMessage template, String messageId) {
      super((Session) template.getSession());
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
