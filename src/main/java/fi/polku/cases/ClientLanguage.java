package fi.polku.cases;

import java.util.Locale;

/** The language a client is served and mailed in: Finnish or Swedish (the region is bilingual). */
public enum ClientLanguage {
  FI("fi", "suomi"),
  SV("sv", "ruotsi");

  /**
   * The process variable a start form or an API request sets to the client's language ({@code fi}
   * or {@code sv}); the engine records it on the case once the case exists and removes it
   * (fi.polku.engine.ClientLanguageOnCase).
   */
  public static final String VARIABLE = "language";

  private final String code;
  private final String finnishName;

  ClientLanguage(String code, String finnishName) {
    this.code = code;
    this.finnishName = finnishName;
  }

  /** The ISO 639-1 code the API, the start forms and the database use. */
  public String code() {
    return code;
  }

  /** The language's name in Finnish, for staff pages. */
  public String finnishName() {
    return finnishName;
  }

  /**
   * The language of the code; none given is Finnish.
   *
   * @throws IllegalArgumentException for any other code
   */
  public static ClientLanguage fromCode(String code) {
    if (code == null || code.isBlank()) {
      return FI;
    }
    for (ClientLanguage language : values()) {
      if (language.code.equals(code.trim().toLowerCase(Locale.ROOT))) {
        return language;
      }
    }
    throw new IllegalArgumentException("language: one of fi, sv");
  }
}
