package fi.polku;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The environment variables a production start cannot do without. Checked before Spring starts
 * so that an operator sees one line naming what is missing, not a stack trace.
 */
public final class RequiredEnvironment {

  /** Variables required by the {@code postgres} profile (see docs/deployment.md). */
  public static final List<String> POSTGRES_PROFILE =
      List.of(
          "DB_URL", "DB_USER", "DB_PASSWORD", "SMTP_HOST", "ADMIN_USER", "ADMIN_PASSWORD", "IDENTITY_KEY");

  private RequiredEnvironment() {}

  /** Set but blank counts as missing, except a database password (trust authentication). */
  private static boolean isMissing(String name, String value) {
    return value == null || (value.isBlank() && !name.equals("DB_PASSWORD"));
  }

  /** Returns the error line to print, or empty when the start may go on. */
  public static Optional<String> check(String... args) {
    StandardEnvironment environment = new StandardEnvironment();
    if (args.length > 0) {
      environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
    }
    return check(environment);
  }

  static Optional<String> check(ConfigurableEnvironment environment) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
      return Optional.empty();
    }
    List<String> missing =
        POSTGRES_PROFILE.stream().filter(name -> isMissing(name, environment.getProperty(name))).toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Polku cannot start with profile 'postgres': missing environment variable"
            + (missing.size() > 1 ? "s " : " ")
            + String.join(", ", missing)
            + " (see docs/deployment.md)");
  }
}
