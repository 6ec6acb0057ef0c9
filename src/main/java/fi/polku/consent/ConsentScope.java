package fi.polku.consent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a consent lets pass between two agencies. */
public enum ConsentScope {
  /** That a step happened (referral received, appointment held, path ended). */
  STATUS("status"),
  /** The plan and the follow-on paths. */
  PLAN("plan"),
  /** Health findings. */
  HEALTH("health"),
  /**
   * What the job coach may tell the client's employer in supported employment (the agreed job and
   * support, never health data). The employer is no agency: the consent is recorded from and to the
   * coach's own agency (docs/processes/supported-employment.md).
   */
  EMPLOYER("employer");

  private final String code;

  ConsentScope(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  /** The scope of a code, or an {@link IllegalArgumentException} naming the allowed codes. */
  @JsonCreator
  public static ConsentScope fromCode(String code) {
    String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(scope -> scope.code.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown scope; use one of status, plan, health, employer"));
  }
}
