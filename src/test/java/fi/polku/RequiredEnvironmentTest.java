package fi.polku;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RequiredEnvironmentTest {

  @Test
  void theEmbeddedDefaultNeedsNothing() {
    assertThat(RequiredEnvironment.check(environment(Map.of()))).isEmpty();
  }

  @Test
  void thePostgresProfileWithoutDbUrlStopsWithOneLineNamingIt() {
    Map<String, Object> variables = new HashMap<>(complete());
    variables.remove("DB_URL");

    Optional<String> error = RequiredEnvironment.check(environment(variables, "postgres"));

    assertThat(error).hasValue("Polku cannot start with profile 'postgres': missing environment "
        + "variable DB_URL (see docs/deployment.md)");
  }

  @Test
  void everyMissingVariableIsNamed() {
    Optional<String> error = RequiredEnvironment.check(environment(Map.of(), "postgres", "demo"));

    assertThat(error).hasValueSatisfying(line -> assertThat(line)
        .doesNotContain("\n")
        .contains("variables DB_URL, DB_USER, DB_PASSWORD, SMTP_HOST, ADMIN_USER, ADMIN_PASSWORD, IDENTITY_KEY"));
  }

  @Test
  void thePostgresProfileWithEveryVariableStarts() {
    assertThat(RequiredEnvironment.check(environment(complete(), "postgres"))).isEmpty();
  }

  @Test
  void theProfileIsReadFromTheCommandLineToo() {
    assertThat(RequiredEnvironment.check("--spring.profiles.active=postgres")).isPresent();
  }

  private static Map<String, Object> complete() {
    Map<String, Object> variables = new HashMap<>();
    RequiredEnvironment.POSTGRES_PROFILE.forEach(name -> variables.put(name, "x"));
    variables.put("DB_PASSWORD", "");
    return variables;
  }

  private static StandardEnvironment environment(Map<String, Object> variables, String... profiles) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
    environment.setActiveProfiles(profiles);
    return environment;
  }
}
