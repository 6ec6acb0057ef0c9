package fi.polku.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where outgoing mail goes.
 *
 * @param mode {@code file} (embedded default: every mail is written as an .eml file) or {@code
 *     smtp} (spring.mail.* in the postgres profile)
 * @param directory folder of the .eml files in file mode
 * @param from sender address of every mail
 * @param tasklistUrl the Tasklist address put in staff mails
 */
@ConfigurationProperties(prefix = "polku.mail")
public record MailProperties(String mode, String directory, String from, String tasklistUrl) {}
