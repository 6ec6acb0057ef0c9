package fi.polku.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The agencies between which a client's information may pass (a small fixed set). */
public enum Agency {
  TE("te", "työllisyyspalvelut"),
  SOTE("sote", "sote-keskus"),
  OH("oh", "työterveyshuolto"),
  KELA("kela", "Kela"),
  PENSION("pension", "työeläkelaitos"),
  /** Specialist care of the wellbeing services county: receives onward referrals (jatko-ohjaus). */
  ESH("esh", "erikoissairaanhoito");

  private final String code;
  private final String finnishName;

  Agency(String code, String finnishName) {
    this.code = code;
    this.finnishName = finnishName;
  }

  /** The code used in the API, the database and the system groups ({@code system-<code>}). */
  @JsonValue
  public String code() {
    return code;
  }

  public String finnishName() {
    return finnishName;
  }

  /** The agency of a code, or an {@link IllegalArgumentException} naming the allowed codes. */
  @JsonCreator
  public static Agency fromCode(String code) {
    String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(agency -> agency.code.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown agency; use one of " + codes()));
  }

  /** The allowed codes, for error messages. */
  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(Agency::code).toList());
  }
}
