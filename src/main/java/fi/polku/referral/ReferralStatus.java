package fi.polku.referral;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Set;

/**
 * The referral's closed-loop status, following the states of an HL7 FHIR Task used for
 * referrals: requested → received → accepted or rejected → in-progress → completed, or cancelled.
 */
public enum ReferralStatus {
  REQUESTED("requested", "Lähete tehty"),
  RECEIVED("received", "Lähete vastaanotettu sote-keskuksessa"),
  ACCEPTED("accepted", "Lähete hyväksytty, aika varattu"),
  REJECTED("rejected", "Lähete palautettu"),
  IN_PROGRESS("in-progress", "Työkyvyn tuen kartoitus tehty, seuranta käynnissä"),
  COMPLETED("completed", "Valmis"),
  CANCELLED("cancelled", "Peruttu");

  /** States after which the referral is no longer open. */
  static final Set<ReferralStatus> CLOSED = Set.of(REJECTED, COMPLETED, CANCELLED);

  private final String code;
  private final String finnishName;

  ReferralStatus(String code, String finnishName) {
    this.code = code;
    this.finnishName = finnishName;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public String finnishName() {
    return finnishName;
  }

  static ReferralStatus fromCode(String code) {
    return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown referral status " + code));
  }
}
