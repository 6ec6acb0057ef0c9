package fi.polku.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one outbox row (the asynchronous step of mail-delivery). An SMTP failure fails the job:
 * the engine retries it on the model's cycle and then raises an incident in Cockpit; after the
 * incident is resolved the row is sent, once. A row already sent is not sent again.
 */
@Component("mailDeliveryDelegate")
class MailDeliveryDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(MailDeliveryDelegate.class);

  private final JdbcTemplate jdbc;
  private final JavaMailSender sender;
  private final MailProperties properties;
  private final Clock clock;

  MailDeliveryDelegate(JdbcTemplate jdbc, JavaMailSender sender, MailProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) throws MessagingException {
    long id = ((Number) execution.getVariable(NotificationService.OUTBOX_ID)).longValue();
    Map<String, Object> row = jdbc.queryForMap("select * from mail_outbox where id = ?", id);
    if (row.get("sent_at") != null) {
      LOG.info("Case {}: outbox row {} was already sent", row.get("case_number"), id);
      return;
    }
    MimeMessage message = new FixedIdMimeMessage(sender.createMimeMessage(), (String) row.get("message_id"));
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo((String) row.get("recipient"));
    helper.setSubject((String) row.get("subject"));
    helper.setText((String) row.get("body"), false);
    sender.send(message);
    jdbc.update("update mail_outbox set sent_at = ?, attempts = attempts + 1 where id = ?",
        Timestamp.from(clock.instant()), id);
    LOG.info("Case {}: mail '{}' sent (outbox row {})", row.get("case_number"), row.get("template"), id);
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
