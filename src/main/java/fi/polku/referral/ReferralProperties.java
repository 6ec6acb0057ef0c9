package fi.polku.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The durations of path 1 (te-referral), as ISO-8601 so the process owner can read them; set in
 * application.yaml under {@code polku.referral} and documented in docs/processes/te-referral.md.
 *
 * @param triageSla time the sote centre has to triage a referral before the team lead is told, in
 *     working days ({@code P5D})
 * @param reminderBefore how long before the appointment the client is reminded ({@code PT24H})
 * @param followUp3 from the mapping to the first follow-up ({@code P3M})
 * @param followUp6 from the mapping to the second follow-up ({@code P6M}), however late the first was done
 * @param whodasValidFor how old a WHODAS 2.0 measurement of the client (from any path) may be for
 *     the counsellor not to ask the twelve questions again ({@code P3M})
 */
@ConfigurationProperties(prefix = "polku.referral")
public record ReferralProperties(String triageSla, String reminderBefore, String followUp3, String followUp6,
    String whodasValidFor) {

  public ReferralProperties {
    whodasValidFor = whodasValidFor == null ? "P3M" : whodasValidFor;
  }
}
