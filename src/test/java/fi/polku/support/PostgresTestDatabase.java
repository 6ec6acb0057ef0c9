package fi.polku.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL that integration tests (*IT) run on: POLKU_TEST_DB_URL, POLKU_TEST_DB_USER and
 * POLKU_TEST_DB_PASSWORD, by default the local server's database polku_test (created here when
 * the server is up and the database is not). Where no PostgreSQL answers, the tests are skipped
 * with a message saying so; with CI=true that is an error instead, so CI never passes silently.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

  /** Put on an integration test class that needs the PostgreSQL test database. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(PostgresTestDatabase.class)
  public @interface Required {}

  public static final String URL =
      env("POLKU_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/polku_test");
  public static final String USER = env("POLKU_TEST_DB_USER", "postgres");
  public static final String PASSWORD = env("POLKU_TEST_DB_PASSWORD", "");

  private static volatile String unavailable;
  private static volatile boolean checked;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String problem = unavailableReason();
    if (problem == null) {
      return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but " + problem);
    }
    String reason = problem + ": PostgreSQL integration tests SKIPPED (start PostgreSQL or set "
        + "POLKU_TEST_DB_URL; with CI=true this fails the build)";
    System.err.println("[polku] " + reason);
    return ConditionEvaluationResult.disabled(reason);
  }

  /** Registers the test database as the postgres profile's DB_URL, DB_USER and DB_PASSWORD. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("DB_URL", () -> URL);
    registry.add("DB_USER", () -> USER);
    registry.add("DB_PASSWORD", () -> PASSWORD);
  }

  private static synchronized String unavailableReason() {
    if (!checked) {
      unavailable = probe();
      checked = true;
    }
    return unavailable;
  }

  private static String probe() {
    DriverManager.setLoginTimeout(5);
    try (Connection ignored = DriverManager.getConnection(URL, credentials())) {
      return null;
    } catch (SQLException e) {
      if ("3D000".equals(e.getSQLState())) {
        return createDatabase();
      }
      return "no PostgreSQL test database at " + URL + " (" + e.getMessage() + ")";
    }
  }

  /** The server is up but the database is not there yet: create it, as .ci/run does. */
  private static String createDatabase() {
    int slash = URL.lastIndexOf('/');
    String name = URL.substring(slash + 1).replaceAll("\\?.*", "");
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      return "database " + name + " does not exist at " + URL;
    }
    try (Connection connection = DriverManager.getConnection(URL.substring(0, slash + 1) + "postgres", credentials());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
      return null;
    } catch (SQLException e) {
      return "database " + name + " does not exist at " + URL + " and could not be created (" + e.getMessage() + ")";
    }
  }

  private static Properties credentials() {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    properties.setProperty("connectTimeout", "5");
    return properties;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
