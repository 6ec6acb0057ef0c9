package fi.polku.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.SimpleMailMessage;

/** The embedded default needs no SMTP server: mail lands as .eml files a mail program opens. */
class FileMailSenderTest {

  @TempDir Path directory;

  @Test
  void aSentMailIsWrittenAsAnEmlFileWithFinnishTextIntact() throws Exception {
    FileMailSender sender = new FileMailSender(directory.resolve("mail"));
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom("polku@polku.invalid");
    message.setTo("tiimi@polku.invalid");
    message.setSubject("Uusi tehtävä: yhteydenottopyyntö TK-2026-000903");
    message.setText("Hei, työkyvyn tuen tiimillä on uusi tehtävä.");

    sender.send(message);

    List<Path> files;
    try (Stream<Path> listing = Files.list(directory.resolve("mail"))) {
      files = listing.toList();
    }
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).endsWith(".eml");
    try (InputStream in = Files.newInputStream(files.get(0))) {
      MimeMessage written = new MimeMessage(Session.getInstance(new Properties()), in);
      assertThat(written.getSubject()).isEqualTo("Uusi tehtävä: yhteydenottopyyntö TK-2026-000903");
      assertThat(written.getContent().toString()).contains("työkyvyn tuen tiimillä");
      assertThat(written.getMessageID()).isNotBlank();
    }
  }
}
