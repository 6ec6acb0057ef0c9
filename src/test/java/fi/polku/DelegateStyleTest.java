package fi.polku;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One delegate style (docs/conventions.md, "Delegates"): every bean a model names in
 * {@code camunda:delegateExpression} is one class named after the bean ({@code ${recordMappingDelegate}}
 * is {@code RecordMappingDelegate}), so a search for the bean name finds its file; no {@code @Bean}
 * method makes a delegate or listener, and no Spring field injection. The failure names each file
 * and what is wrong.
 */
class DelegateStyleTest {

  private static final Pattern STEP = Pattern.compile("implements\\s+(JavaDelegate|ExecutionListener|TaskListener)\\b");
  private static final Pattern BEAN_NAME = Pattern.compile("@Component\\(\"([A-Za-z0-9]+)\"\\)");
  private static final Pattern BEAN_METHOD = Pattern.compile(
      "@Bean\\s+(?:public\\s+|static\\s+)*(JavaDelegate|ExecutionListener|TaskListener)\\s+\\w+\\(");

  @Test
  void everyStepIsOneClassNamedAfterItsBean() throws IOException {
    assertThat(problems(Path.of("src/main/java"))).isEmpty();
  }

  @Test
  void aLambdaBeanAClassNotNamedAfterItsBeanAndFieldInjectionAreEachNamed(@org.junit.jupiter.api.io.TempDir Path sources)
      throws IOException {
    Path dir = Files.createDirectories(sources.resolve("fi/polku/x"));
    Files.writeString(dir.resolve("Steps.java"), "@Configuration class Steps {\n  @Bean\n  JavaDelegate sendDelegate() {"
        + " return e -> {}; }\n}\n");
    Files.writeString(dir.resolve("Mailer.java"), "@Component(\"sendMailDelegate\")\nclass Mailer implements JavaDelegate {}\n");
    Files.writeString(dir.resolve("RecordDelegate.java"), "@Component(\"recordDelegate\")\nclass RecordDelegate implements"
        + " JavaDelegate {\n  @Autowired Service service;\n}\n");
    Files.writeString(dir.resolve("GoodDelegate.java"), "@Component(\"goodDelegate\")\nclass GoodDelegate implements JavaDelegate {}\n");

    assertThat(problems(sources)).containsExactlyInAnyOrder(
        "fi/polku/x/Mailer.java: bean 'sendMailDelegate' must be class SendMailDelegate",
        "fi/polku/x/RecordDelegate.java: field injection (@Autowired): take it in the constructor",
        "fi/polku/x/Steps.java: a @Bean method makes a step: write a class named after the bean");
  }

  private static List<String> problems(Path root) throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
        String source = Files.readString(file);
        String where = root.relativize(file).toString().replace('\\', '/');
        if (BEAN_METHOD.matcher(source).find()) {
          problems.add(where + ": a @Bean method makes a step: write a class named after the bean");
        }
        if (!STEP.matcher(source).find()) {
          continue;
        }
        String className = file.getFileName().toString().replace(".java", "");
        Matcher bean = BEAN_NAME.matcher(source);
        if (bean.find()) {
          String expected = Character.toUpperCase(bean.group(1).charAt(0)) + bean.group(1).substring(1);
          if (!expected.equals(className)) {
            problems.add(where + ": bean '" + bean.group(1) + "' must be class " + expected);
          }
        }
        if (source.contains("@Autowired")) {
          problems.add(where + ": field injection (@Autowired): take it in the constructor");
        }
      }
    }
    return problems;
  }
}
