package fi.polku.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import fi.polku.cases.ClientLanguage;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail template from {@code src/main/resources/mail/<name>.txt} (Finnish) or {@code
 * mail/sv/<name>.txt} (Swedish, for a client whose language is Swedish): the first line is
 * {@code Aihe: <subject>} ({@code Ämne: } in Swedish), then an empty line, then the body. Placeholders are {@code {{name}}}
 * and may only be the harmless values in {@link #ALLOWED}, so no health data can enter a mail.
 */
public record MailTemplate(String name, String subject, String body) {

  /** The values a template may show: identifiers, names of steps and dates, never case content. */
  public static final Set<String> ALLOWED = Set.of(
      "caseNumber", "pathName", "stepName", "taskName", "dueDate", "appointmentTime",
      "appointmentPlace", "statusText", "link", "recipientName", "unitName", "unitPhone",
      // The case manager's work contact details (a member of staff, never the client).
      "contactName", "contactDetails", "previousName");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  /** Loads the Finnish template of that name from the classpath. */
  public static MailTemplate load(String name) {
    return load(name, ClientLanguage.FI);
  }

  /** Loads the template of that name in the language from the classpath. */
  public static MailTemplate load(String name, ClientLanguage language) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Bad mail template name " + name);
    }
    String text;
    String file = (language == ClientLanguage.SV ? "mail/sv/" : "mail/") + name + ".txt";
    String subjectLine = language == ClientLanguage.SV ? "Ämne: " : "Aihe: ";
    try (InputStream in = MailTemplate.class.getResourceAsStream("/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No mail template " + file);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int split = text.indexOf("\n\n");
    if (!text.startsWith(subjectLine) || split < 0) {
      throw new IllegalArgumentException(file + " must start with '" + subjectLine + "' and an empty line");
    }
    MailTemplate template = new MailTemplate(name, text.substring(subjectLine.length(), split).trim(), text.substring(split + 2));
    template.placeholders().stream().filter(p -> !ALLOWED.contains(p)).findFirst().ifPresent(p -> {
      throw new IllegalArgumentException(file + " uses {{" + p + "}}, which is not allowed in mail");
    });
    return template;
  }

  /** The placeholders the template uses. */
  public Set<String> placeholders() {
    Set<String> found = new java.util.TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(subject + "\n" + body);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  /** Subject and body with every placeholder filled; a missing value is an error, not a blank. */
  public RenderedMail render(Map<String, String> values) {
    return new RenderedMail(fill(subject, values), fill(body, values));
  }

  private String fill(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("mail/" + name + ".txt needs a value for {{" + matcher.group(1) + "}}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** A template filled in. */
  public record RenderedMail(String subject, String body) {}
}
