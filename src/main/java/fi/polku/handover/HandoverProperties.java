package fi.polku.handover;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Durations of path 3 (oh-handover), ISO-8601, documented in docs/processes/oh-handover.md.
 *
 * @param gracePeriod how long after the expected end of employment the path waits for the job
 *     loss before it closes as "employment continued" ({@code P14D})
 * @param takeOverDue working days the coordinator has to take the client over ({@code P1D})
 */
@ConfigurationProperties(prefix = "polku.handover")
public record HandoverProperties(String gracePeriod, String takeOverDue) {}
