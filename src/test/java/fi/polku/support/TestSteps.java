package fi.polku.support;

import fi.polku.notify.NotificationService;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Delegates of the test-only processes in src/test/resources/test-processes. */
@TestConfiguration
public class TestSteps {

  /** How many more times notifyTeamTestStep fails after queueing its mail. */
  public static final AtomicInteger FAILURES_AFTER_QUEUEING = new AtomicInteger();

  /** Mails the team about a task of the case (the process's business key), then maybe fails. */
  @Bean
  JavaDelegate notifyTeamTestStep(NotificationService notifications) {
    return execution -> {
      notifications.send(execution, "tiimi@polku.invalid", "staff-task-notice", Map.of(
          "caseNumber", execution.getProcessBusinessKey(), "taskName", "Ota yhteyttä asiakkaaseen",
          "dueDate", "1.12.2026", "link", "http://localhost:8080/camunda/app/tasklist/"));
      if (FAILURES_AFTER_QUEUEING.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        throw new IllegalStateException("simulated failure after the mail was queued");
      }
    };
  }
}
