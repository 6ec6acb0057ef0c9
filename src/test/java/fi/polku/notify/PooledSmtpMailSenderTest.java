package fi.polku.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The SMTP sender keeps its connection between mails and opens a new one when the old one died. */
class PooledSmtpMailSenderTest {

  /** The build's own GreenMail port (-Dpolku.test.smtp-port), free while the unit tests run. */
  private static final int PORT = Integer.getInteger("polku.test.smtp-port", 3025);

  private GreenMail smtp;
  private CountingSender sender;

  /** Counts the connections it opens (each is TCP, greeting and EHLO). */
  static final class CountingSender extends PooledSmtpMailSender {
    final AtomicInteger connections = new AtomicInteger();

    @Override
    protected Transport connectTransport() throws MessagingException {
      connections.incrementAndGet();
      return super.connectTransport();
    }
  }

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", "smtp"));
    smtp.start();
    sender = new CountingSender();
    sender.setHost("127.0.0.1");
    sender.setPort(PORT);
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "2000");
    properties.put("mail.smtp.timeout", "2000");
    sender.setJavaMailProperties(properties);
  }

  @AfterEach
  void stop() {
    sender.destroy();
    smtp.stop();
  }

  @Test
  void tenMailsSentOneByOneShareOneConnection() throws Exception {
    for (int i = 1; i <= 10; i++) {
      sender.send(mail("asiakas" + i + "@polku.invalid", "Viesti " + i));
    }

    assertThat(smtp.getReceivedMessages()).hasSize(10);
    assertThat(smtp.getReceivedMessages()[9].getSubject()).isEqualTo("Viesti 10");
    assertThat(sender.connections).hasValue(1);
    assertThat(sender.pooledConnections()).isOne();
  }

  @Test
  void severalMailsInOneSendGoOverOneConnectionAndKeepTheirMessageIds() throws Exception {
    MimeMessage first = mail("a@polku.invalid", "Ensimmäinen");
    first.setHeader("Message-ID", "<first.outbox@polku.invalid>");
    sender.send(first, mail("b@polku.invalid", "Toinen"), mail("c@polku.invalid", "Kolmas"));

    assertThat(smtp.getReceivedMessages()).hasSize(3);
    assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo("<first.outbox@polku.invalid>");
    assertThat(sender.connections).hasValue(1);
  }

  @Test
  void aConnectionTheServerDroppedIsReplacedAndTheMailStillGoesOutOnce() throws Exception {
    sender.send(mail("a@polku.invalid", "Ennen katkoa"));
    smtp.stop(); // closes the kept connection from the server's side
    smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", "smtp"));
    smtp.start();

    sender.send(mail("b@polku.invalid", "Katkon jälkeen"));

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Katkon jälkeen");
    assertThat(sender.connections).hasValue(2);
  }

  @Test
  void withTheServerDownEveryMailIsReportedFailedAndNoConnectionIsKept() throws Exception {
    sender.send(mail("a@polku.invalid", "Ennen katkoa"));
    smtp.stop();
    MimeMessage first = mail("b@polku.invalid", "Katkon aikana 1");
    MimeMessage second = mail("c@polku.invalid", "Katkon aikana 2");

    assertThatThrownBy(() -> sender.send(first, second)).isInstanceOfSatisfying(MailSendException.class,
        e -> assertThat(e.getFailedMessages()).containsOnlyKeys(first, second));
    assertThat(sender.pooledConnections()).isZero();

    smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", "smtp"));
    smtp.start();
    sender.send(second);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  private MimeMessage mail(String to, String subject) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom("Polku <polku@polku.invalid>");
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText("Hei!", false);
    return message;
  }
}
