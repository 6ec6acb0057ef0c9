package fi.polku.notify;

import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses the mail sender: .eml files on the embedded default, SMTP in production (through kept,
 * pooled connections: {@link PooledSmtpMailSender}).
 */
@Configuration
@EnableConfigurationProperties({MailProperties.class, org.springframework.boot.autoconfigure.mail.MailProperties.class})
class MailConfig {

  private static final Logger LOG = LoggerFactory.getLogger(MailConfig.class);

  /** Wins over Spring Boot's SMTP sender, which backs off when a JavaMailSender exists. */
  @Bean
  @ConditionalOnProperty(prefix = "polku.mail", name = "mode", havingValue = "file", matchIfMissing = true)
  JavaMailSender fileMailSender(MailProperties properties) {
    Path directory = Path.of(properties.directory() == null ? "data/mail" : properties.directory())
        .toAbsolutePath().normalize();
    LOG.info("No SMTP server configured: outgoing mail is written as .eml files to {}", directory);
    return new FileMailSender(directory);
  }

  /**
   * SMTP as spring.mail.* configures it (host, port, user, password, mail.smtp.* properties), as
   * Spring Boot's own sender would be, but keeping its connections between mails.
   */
  @Bean
  @ConditionalOnProperty(prefix = "polku.mail", name = "mode", havingValue = "smtp")
  JavaMailSender smtpMailSender(org.springframework.boot.autoconfigure.mail.MailProperties smtp) {
    PooledSmtpMailSender sender = new PooledSmtpMailSender();
    sender.setHost(smtp.getHost());
    if (smtp.getPort() != null) {
      sender.setPort(smtp.getPort());
    }
    sender.setUsername(smtp.getUsername());
    sender.setPassword(smtp.getPassword());
    sender.setProtocol(smtp.getProtocol());
    if (smtp.getDefaultEncoding() != null) {
      sender.setDefaultEncoding(smtp.getDefaultEncoding().name());
    }
    if (!smtp.getProperties().isEmpty()) {
      Properties properties = new Properties();
      properties.putAll(smtp.getProperties());
      sender.setJavaMailProperties(properties);
    }
    LOG.info("Outgoing mail goes to the SMTP server {}:{} over kept connections (at most {})", smtp.getHost(),
        smtp.getPort(), PooledSmtpMailSender.MAX_POOLED);
    return sender;
  }
}
