package fi.polku.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox rows of one transaction (the asynchronous step of mail-delivery): the row the
 * instance was started for and the rows queued after it in the same transaction, over one kept SMTP
 * connection. Each row is marked sent as it goes out; an SMTP failure fails the job after the rows
 * that did go out are marked in a transaction of their own, so the engine's retries and, after the
 * incident in Cockpit is resolved, the last retry send only the rest, once. A row already sent is
 * not sent again.
 */
@Component("mailDeliveryDelegate")
class MailDeliveryDelegate implements JavaDelegate {

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
    Map<MimeMessage, Map<String, Object>> messages = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      messages.put(message(row), row);
    }
    try {
      sender.send(messages.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      List<Map<String, Object>> sent = new ArrayList<>();
      messages.forEach((message, row) -> {
        if (!e.getFailedMessages().containsKey(message)) {
          sent.add(row);
        }
      });
      // The job's transaction rolls back with the failure: what did go out is marked in its own.
      ownTransaction.executeWithoutResult(status -> markSent(sent));
      throw e;
    }
    markSent(rows);
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

  private void markSent(List<Map<String, Object>> rows) {
    Timestamp now = Timestamp.from(clock.instant());
    for (Map<String, Object> row : rows) {
      jdbc.update("update mail_outbox set sent_at = ?, attempts = attempts + 1 where id = ?", now, row.get("id"));
      LOG.info("Case {}: mail '{}' sent (outbox row {})", row.get("case_number"), row.get("template"), row.get("id"));
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
