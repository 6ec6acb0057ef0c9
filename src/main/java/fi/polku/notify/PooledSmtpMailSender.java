package fi.polku.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring's SMTP sender, but keeping its connections: Spring's own sender opens a connection (TCP,
 * greeting, EHLO, STARTTLS and AUTH where set) for every {@code send} and closes it afterwards. This
 * one hands a connected {@link Transport} back to a small pool after sending, and the next send
 * (from any job thread) reuses it, so a mail costs only MAIL FROM, RCPT TO and DATA.
 *
 * <p>A kept connection may have been closed by the server in the meantime (its idle timeout, a
 * restart): one idle longer than {@link #CHECK_AFTER} is checked with NOOP before use, one idle
 * longer than {@link #MAX_IDLE} is closed, and a message that fails on a reused connection is sent
 * once more on a new one before the failure counts. A failure on a new connection is reported as
 * Spring reports it ({@link MailSendException} with the failed messages), so the delivery job fails,
 * retries and ends as a Cockpit incident exactly as before.
 */
class PooledSmtpMailSender extends JavaMailSenderImpl implements DisposableBean {

  /** Connections kept open at most: one per job executor thread (application.yaml) is enough. */
  static final int MAX_POOLED = 4;
  /** A connection idle this long is checked with NOOP before it is used again. */
  static final Duration CHECK_AFTER = Duration.ofSeconds(5);
  /** A connection idle this long is closed instead (SMTP servers close idle ones after 60–300 s). */
  static final Duration MAX_IDLE = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(PooledSmtpMailSender.class);

  /** A connected transport and since when (System.nanoTime) it has waited in the pool. */
  private record Pooled(Transport transport, long idleSince) {}

  private final Deque<Pooled> idle = new ConcurrentLinkedDeque<>();

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
    Map<Object, Exception> failed = new LinkedHashMap<>();
    Transport transport = null;
    boolean reused = false;
    try {
      for (int i = 0; i < mimeMessages.length; i++) {
        MimeMessage message = mimeMessages[i];
        Object original = originalMessages != null ? originalMessages[i] : message;
        try {
          prepare(message);
        } catch (MessagingException e) {
          failed.put(original, e);
          continue;
        }
        if (transport == null) {
          Pooled pooled = borrow();
          reused = pooled != null;
          try {
            transport = reused ? pooled.transport() : connectTransport();
          } catch (Exception e) {
            // No connection: every message from here on fails, as in Spring's own sender.
            for (int j = i; j < mimeMessages.length; j++) {
              failed.put(originalMessages != null ? originalMessages[j] : mimeMessages[j], e);
            }
            throw new MailSendException("Mail server connection failed", e, failed);
          }
        }
        try {
          transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
          // The server refused a recipient or the message: the connection itself is fine.
          failed.put(original, e);
        } catch (MessagingException | RuntimeException e) {
          close(transport);
          transport = null;
          if (!reused) {
            failed.put(original, e);
            continue;
          }
          // The kept connection was dead (closed by the server while idle): once more on a new one.
          LOG.debug("Kept SMTP connection failed ({}); sending again on a new connection", e.getClass().getSimpleName());
          reused = false;
          try {
            transport = connectTransport();
            transport.sendMessage(message, message.getAllRecipients());
          } catch (Exception again) {
            failed.put(original, again);
            if (transport != null) {
              close(transport);
              transport = null;
            }
          }
        }
      }
    } finally {
      // A server that went away may report it as a refused message (SendFailedException): keep
      // the connection only if it still answers (a NOOP), so no dead one waits in the pool.
      if (transport != null && transport.isConnected()) {
        giveBack(transport);
      } else if (transport != null) {
        close(transport);
      }
    }
    if (!failed.isEmpty()) {
      throw new MailSendException(failed);
    }
  }

  private void prepare(MimeMessage message) throws MessagingException {
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      // saveChanges would give the message a new Message-ID (as Spring's own sender keeps it).
      message.setHeader("Message-ID", messageId);
    }
  }

  /** A kept connection that still answers, or null when none is. */
  private Pooled borrow() {
    Pooled pooled;
    while ((pooled = idle.pollFirst()) != null) {
      Duration idleFor = Duration.ofNanos(System.nanoTime() - pooled.idleSince());
      if (idleFor.compareTo(MAX_IDLE) > 0) {
        close(pooled.transport());
      } else if (idleFor.compareTo(CHECK_AFTER) <= 0 || pooled.transport().isConnected()) {
        // isConnected() sends NOOP on an SMTP transport and answers false when that fails.
        return pooled;
      } else {
        close(pooled.transport());
      }
    }
    return null;
  }

  private void giveBack(Transport transport) {
    if (idle.size() < MAX_POOLED) {
      idle.offerFirst(new Pooled(transport, System.nanoTime()));
    } else {
      close(transport);
    }
  }

  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      // Already closed or broken: nothing to keep.
    }
  }

  /** Connections still open in the pool (for tests). */
  int pooledConnections() {
    return idle.size();
  }

  @Override
  public void destroy() {
    Pooled pooled;
    while ((pooled = idle.pollFirst()) != null) {
      close(pooled.transport());
    }
  }
}
