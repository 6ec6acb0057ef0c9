package fi.polku;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Our Finnish Tasklist translation keeps up with the webapp: when a Camunda upgrade adds a key to
 * Tasklist's English locale, this fails and names the keys to translate.
 */
class TasklistLocaleTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/tasklist/locales/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void finnishHasEveryKeyOfTheEnglishTasklistLocale() throws IOException {
    Set<String> english = leaves(read("en.json"), "", new TreeSet<>());
    Set<String> finnish = leaves(read("fi.json"), "", new TreeSet<>());

    Set<String> missing = new TreeSet<>(english);
    missing.removeAll(finnish);
    assertThat(missing).as("keys of Tasklist's en.json missing from our fi.json").isEmpty();
    assertThat(english).hasSizeGreaterThan(400);
  }

  @Test
  void everyPlaceholderSurvivesTheTranslation() throws IOException {
    JsonNode english = read("en.json").get("labels");
    JsonNode finnish = read("fi.json").get("labels");
    Set<String> broken = new TreeSet<>();
    english.fieldNames().forEachRemaining(key -> {
      if (english.get(key).isTextual() && finnish.has(key)
          && !placeholders(english.get(key).asText()).equals(placeholders(finnish.get(key).asText()))) {
        broken.add(key);
      }
    });
    assertThat(broken).as("labels whose {{placeholders}} differ").isEmpty();
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replace(" ", ""));
    }
    return found;
  }

  private static Set<String> leaves(JsonNode node, String path, Set<String> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field ->
          leaves(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), into));
    } else {
      into.add(path);
    }
    return into;
  }

  private static JsonNode read(String file) throws IOException {
    try (InputStream in = TasklistLocaleTest.class.getClassLoader().getResourceAsStream(LOCALES + file)) {
      assertThat(in).as(LOCALES + file).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Camunda's en.json starts with a byte order mark.
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }
}
