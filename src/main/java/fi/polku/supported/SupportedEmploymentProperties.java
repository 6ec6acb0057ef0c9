package fi.polku.supported;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The supported-employment path's times, set in application.yaml under {@code polku.supported}
 * and documented in docs/processes/supported-employment.md.
 *
 * @param firstContactDue time from the start of coaching to the first employer contact ({@code P30D}:
 *     the IPS fidelity scale expects the first employer contact within a month)
 * @param noContactLimit longest time without an employer contact while the search runs, counted
 *     from the last contact or the job that ended ({@code P14D})
 */
@ConfigurationProperties(prefix = "polku.supported")
record SupportedEmploymentProperties(Period firstContactDue, Period noContactLimit) {

  SupportedEmploymentProperties {
    firstContactDue = firstContactDue == null ? Period.ofDays(30) : firstContactDue;
    noContactLimit = noContactLimit == null ? Period.ofDays(14) : noContactLimit;
  }
}
