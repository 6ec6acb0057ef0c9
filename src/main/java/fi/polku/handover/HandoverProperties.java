package fi.polku.handover;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Durations of path 3 (oh-handover), ISO-8601, documented in docs/processes/oh-handover.md.
 *
 * @param gracePeriod how long after the expected end of employment the path waits for the job
 *     loss before it closes as "employment continued" ({@code P14D})
 * @param takeOverDue working days the coordinator has to take the client over ({@code P1D})
 * @param pensionRehabilitationRight how long after the end of employment the client's right to the
 *     pension provider's vocational rehabilitation may last ({@code P3Y}; see {@link PensionRehabilitationRight})
 * @param pensionRightWarningBefore how near that day the professional is warned that the right may
 *     lapse soon ({@code P6M})
 */
@ConfigurationProperties(prefix = "polku.handover")
public record HandoverProperties(String gracePeriod, String takeOverDue, String pensionRehabilitationRight,
    String pensionRightWarningBefore) {}
