package fi.polku.notify;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Chooses the mail sender: .eml files on the embedded default, SMTP in production. */
@Configuration
@EnableConfigurationProperties(MailProperties.class)
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
}
