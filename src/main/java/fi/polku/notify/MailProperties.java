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

  /**
   * Who a client's mail comes from: the unit's Finnish name, its phone number, and its Swedish
   * name for a client whose language is Swedish (the Finnish one when none is set).
   */
  public record Contact(String unit, String phone, String unitSv) {

    /** The unit's name in the client's language. */
    public String unit(fi.polku.cases.ClientLanguage language) {
      return language == fi.polku.cases.ClientLanguage.SV && unitSv != null && !unitSv.isBlank() ? unitSv : unit;
    }
  }
}
