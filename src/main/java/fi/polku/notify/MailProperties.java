package fi.polku.notify;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where outgoing mail goes.
 *
 * @param mode {@code file} (embedded default: every mail is written as an .eml file) or {@code
 *     smtp} (spring.mail.* in the postgres profile)
 * @param directory folder of the .eml files in file mode
 * @param from sender address of every mail
 * @param tasklistUrl the Tasklist address put in staff mails
 * @param contacts per path (process key), the unit that signs its mails to clients and the phone
 *     number a client can call
 */
@ConfigurationProperties(prefix = "polku.mail")
public record MailProperties(String mode, String directory, String from, String tasklistUrl,
    Map<String, Contact> contacts) {

  public MailProperties {
    contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
  }

  /** Who a client's mail comes from: the unit's Finnish name and its phone number. */
  public record Contact(String unit, String phone) {}
}
