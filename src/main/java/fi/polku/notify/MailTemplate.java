package fi.polku.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Finnish mail template from {@code src/main/resources/mail/<name>.txt}: the first line is
 * {@code Aihe: <subject>}, then an empty line, then the body. Placeholders are {@code {{name}}}
 * and may only be the harmless values in {@link #ALLOWED}, so no health data can enter a mail.
 */
public record MailTemplate(String name, String subject, String body) {

  /** The values a template may show: identifiers, names of steps and dates, never case content. */
  public static final Set<String> ALLOWED = Set.of(
      "caseNumber", "pathName", "stepName", "taskName", "dueDate", "appointmentTime",
      "appointmentPlace", "statusText", "link", "recipientName", "unitName", "unitPhone");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  /** Loads the template of that name from the classpath. */
  public static MailTemplate load(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Bad mail template name " + name);
    }
    String text;
    try (InputStream in = MailTemplate.class.getResourceAsStream("/mail/" + name + ".txt")) {
      if (in == null) {
        throw new IllegalArgumentException("No mail template mail/" + name + ".txt");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int split = text.indexOf("\n\n");
    if (!text.startsWith("Aihe: ") || split < 0) {
      throw new IllegalArgumentException("mail/" + name + ".txt must start with 'Aihe: ' and an empty line");
    }
    MailTemplate template = new MailTemplate(name, text.substring(6, split).trim(), text.substring(split + 2));
    template.placeholders().stream().filter(p -> !ALLOWED.contains(p)).findFirst().ifPresent(p -> {
      throw new IllegalArgumentException("mail/" + name + ".txt uses {{" + p + "}}, which is not allowed in mail");
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
