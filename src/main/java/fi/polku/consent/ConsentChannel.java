package fi.polku.consent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How the client gave a consent: what staff write down when the client phones or signs. */
public enum ConsentChannel {
  WRITTEN("written", "kirjallisesti"),
  ELECTRONIC("electronic", "sähköisesti"),
  IN_PERSON("in-person", "suullisesti tapaamisessa"),
  PHONE("phone", "puhelimessa");

  private final String code;
  private final String finnishName;

  ConsentChannel(String code, String finnishName) {
    this.code = code;
    this.finnishName = finnishName;
  }

  /** The code used in the API and the database. */
  @JsonValue
  public String code() {
    return code;
  }

  /** How staff read it, e.g. "puhelimessa". */
  public String finnishName() {
    return finnishName;
  }

  /** The channel of a code, or an {@link IllegalArgumentException} naming the allowed codes. */
  @JsonCreator
  public static ConsentChannel fromCode(String code) {
    String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(channel -> channel.code.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown channel; use one of written, electronic, in-person, phone"));
  }
}
