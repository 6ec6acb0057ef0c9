package fi.polku.healthcheck;

import org.springframework.stereotype.Component;

/** The waits of health-check-invitation's timers, from {@link HealthCheckProperties}. */
@Component("healthCheckTimes")
public class HealthCheckTimes {

  private final HealthCheckProperties properties;

  HealthCheckTimes(HealthCheckProperties properties) {
    this.properties = properties;
  }

  /** How long without a booking before the reminder. */
  public String reminderAfter() {
    return properties.reminderAfter();
  }

  /** How long without a booking before the invitation closes as unanswered. */
  public String closeAfter() {
    return properties.closeAfter();
  }
}
