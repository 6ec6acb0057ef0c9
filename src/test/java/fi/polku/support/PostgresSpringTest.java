package fi.polku.support;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the production profile (postgres) on the PostgreSQL test
 * database, SMTP at a GreenMail server on 127.0.0.1:3025 in the test JVM, every secret as the
 * environment would give it. Subclasses share one Spring context.
 */
@PostgresTestDatabase.Required
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@Import(TestSteps.class)
public abstract class PostgresSpringTest {

  public static final String ADMIN = "polku-it-admin";
  public static final String ADMIN_PASSWORD = "it-admin-Secret-1";
  /** Password of every agency's system user ({@code te-system}, {@code kela-system}...). */
  public static final String SYSTEM_PASSWORD = "it-system-Secret-1";
  /** GreenMail's port; -Dpolku.test.smtp-port moves it when another build on the machine holds 3025. */
  public static final int SMTP_PORT = Integer.getInteger("polku.test.smtp-port", 3025);

  /** Password of the staff users the tests create, as an administrator would in Camunda Admin. */
  public static final String STAFF_PASSWORD = "it-staff-Secret-1";

  @Autowired protected IdentityService identityService;

  @Autowired protected ManagementService managementService;
  @Autowired protected RuntimeService runtimeService;

  /**
   * Runs the jobs of the case's process instances that {@code run} lets through, until none is
   * left: what the (here switched off) job executor would do as time passes.
   */
  protected void runJobs(String caseNumber, Predicate<Job> run) {
    for (int round = 0; round < 20; round++) {
      Set<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
      List<Job> jobs = instances.isEmpty() ? List.of()
          : managementService.createJobQuery().processInstanceIds(instances).list().stream().filter(run).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** The model element a job belongs to (a timer's event or a save point's step). */
  protected String activityOf(Job job) {
    return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  /** Creates the staff user in the group unless it exists. */
  protected void staff(String id, String group) {
    staff(identityService, id, group, STAFF_PASSWORD);
  }

  /** Creates a staff user in the group with the password unless the user exists, as an administrator would. */
  public static void staff(IdentityService identity, String id, String group, String password) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("Testi");
      user.setLastName(group);
      user.setEmail(id + "@polku.invalid");
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
    registry.add("SMTP_HOST", () -> "127.0.0.1");
    registry.add("SMTP_PORT", () -> String.valueOf(SMTP_PORT));
    registry.add("ADMIN_USER", () -> ADMIN);
    registry.add("ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
    registry.add("IDENTITY_KEY", () -> "cG9sa3UtaW50ZWdyYXRpb24tdGVzdC1rZXktMzJieXQ=");
    for (String agency : new String[] {"TE", "SOTE", "OH", "KELA", "PENSION", "ESH"}) {
      registry.add("SYSTEM_" + agency + "_PASSWORD", () -> SYSTEM_PASSWORD);
    }
    // Tests drive jobs themselves, so that retries and incidents happen when the test says.
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }
}
