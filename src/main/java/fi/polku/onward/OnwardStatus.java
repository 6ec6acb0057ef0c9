package fi.polku.onward;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Set;

/**
 * The onward referral's status in the terms of an HL7 FHIR Task: requested → accepted or
 * rejected → in-progress → completed or failed, or cancelled by the sender.
 */
public enum OnwardStatus {
  REQUESTED("requested", "Jatko-ohjaus tehty"),
  ACCEPTED("accepted", "Vastaanottaja otti asiakkaan vastaan"),
  REJECTED("rejected", "Vastaanottaja palautti jatko-ohjauksen"),
  IN_PROGRESS("in-progress", "Palvelu alkanut"),
  COMPLETED("completed", "Palvelu päättynyt, palaute annettu"),
  FAILED("failed", "Palvelu keskeytyi"),
  CANCELLED("cancelled", "Peruttu");

  /** States in which nothing more happens to the referral. */
  static final Set<OnwardStatus> CLOSED = Set.of(COMPLETED, FAILED, CANCELLED);

  private final String code;
  private final String finnishName;

  OnwardStatus(String code, String finnishName) {
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

  /** The status of a code, or an {@link IllegalArgumentException} naming the allowed codes. */
  public static OnwardStatus fromCode(String code) {
    return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown status; use one of "
            + String.join(", ", Arrays.stream(values()).map(OnwardStatus::code).toList())));
  }
}
