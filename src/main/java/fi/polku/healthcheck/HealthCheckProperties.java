package fi.polku.healthcheck;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Durations of path 2 (health-check-invitation), ISO-8601, in docs/processes/health-check-invitation.md.
 *
 * @param reminderAfter no booking this long after the invitation → a reminder ({@code P14D})
 * @param closeAfter no booking this long after the invitation → closed as unanswered ({@code P28D})
 */
@ConfigurationProperties(prefix = "polku.health-check")
public record HealthCheckProperties(String reminderAfter, String closeAfter) {}
