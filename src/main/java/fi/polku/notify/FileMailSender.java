package fi.polku.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A {@link org.springframework.mail.javamail.JavaMailSender} that writes every message as an
 * RFC 822 {@code .eml} file instead of talking SMTP, so the embedded default needs no mail
 * server. Any mail program opens the files.
 */
public class FileMailSender extends JavaMailSenderImpl {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path directory;
  private final AtomicInteger sequence = new AtomicInteger();

  public FileMailSender(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) throws MailException {
    Map<Object, Exception> failures = new LinkedHashMap<>();
    for (int i = 0; i < mimeMessages.length; i++) {
      MimeMessage message = mimeMessages[i];
      try {
        Files.createDirectories(directory);
        message.saveChanges();
        String name = LocalDateTime.now().format(STAMP) + "-" + sequence.incrementAndGet() + ".eml";
        try (OutputStream out = Files.newOutputStream(directory.resolve(name))) {
          message.writeTo(out);
        }
      } catch (IOException | MessagingException e) {
        failures.put(originalMessages != null ? originalMessages[i] : message, e);
      }
    }
    if (!failures.isEmpty()) {
      throw new MailSendException(failures);
    }
  }
}
