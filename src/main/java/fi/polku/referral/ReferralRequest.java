package fi.polku.referral;

import fi.polku.cases.Agency;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every way into path 1 asks for: the client criteria, why and what the referrer asks the
 * team, who refers and through which door. Other paths send it through
 * {@link ReferralIntake#requestFromPath}; the API and the Tasklist start form build it from what
 * the coordinator entered.
 *
 * @param criteria the client criteria the triage decision reads
 * @param reason why the client is referred (variable {@code referralReason})
 * @param question what the referrer asks the team (variable {@code coordinatorQuestion})
 * @param referredBy the user who refers, or a system's name
 * @param wayIn the door: {@code api}, {@code tasklist}, {@code health-check} or {@code oh-handover}
 * @param from the agency whose information the referral carries to the sote centre
 * @param referrer whose members review the plan that comes back
 * @param carried further variables a path hands on to the team (findings, answers), no personal data
 */
public record ReferralRequest(
    ReferralCriteria criteria,
    String reason,
    String question,
    String referredBy,
    String wayIn,
    Agency from,
    Referrer referrer,
    Map<String, Object> carried) {

  public ReferralRequest {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(wayIn, "wayIn");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(referrer, "referrer");
    // Copied, so what one door carried cannot change under another; a carried value may be null.
    carried = carried == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(carried));
  }

  /** Who reviews the plan when it comes back: the group and its agency. */
  public enum Referrer {
    /** Employment services' work-ability coordinators. */
    TE_COORDINATOR("te-coordinator", Agency.TE),
    /** The health-check nurses, inside the sote centre (a walk-in's referrer). */
    HEALTH_CHECK_NURSE("health-check-nurse", Agency.SOTE);

    private final String group;
    private final Agency agency;

    Referrer(String group, Agency agency) {
      this.group = group;
      this.agency = agency;
    }

    public String group() {
      return group;
    }

    public Agency agency() {
      return agency;
    }
  }
}
