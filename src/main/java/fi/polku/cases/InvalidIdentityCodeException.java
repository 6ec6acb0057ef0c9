package fi.polku.cases;

/**
 * A personal identity code (henkilötunnus) that cannot be accepted, and the kind of mistake in it.
 *
 * <p>The message names the mistake, never the code: exception messages end up in logs and in
 * problem+json responses, and the identity code must reach neither (conventions.md, "Process
 * data"). For the same reason it never has a cause.
 */
public class InvalidIdentityCodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The kinds of mistake, each with a Finnish text for staff and an English one for developers. */
  public enum Kind {
    MISSING(
        "Henkilötunnus puuttuu. Kirjoita henkilötunnus.",
        "The personal identity code is missing."),
    LENGTH(
        "Henkilötunnuksessa pitää olla 11 merkkiä. Tarkista tunnus.",
        "A personal identity code has exactly 11 characters."),
    FORMAT(
        "Henkilötunnuksessa on merkki väärässä kohdassa: kuuden ensimmäisen merkin ja välimerkin"
            + " jälkeisen kolmen merkin pitää olla numeroita. Tarkista tunnus.",
        "A character is in the wrong place: the first six characters and the three after the"
            + " century sign must be digits."),
    CENTURY_SIGN(
        "Henkilötunnuksen seitsemäs merkki (välimerkki) on väärä. Sallitut välimerkit ovat"
            + " + - A B C D E F U V W X Y. Tarkista tunnus.",
        "The seventh character (century sign) is not one of + - A B C D E F U V W X Y."),
    DATE(
        "Henkilötunnuksen syntymäaika ei ole mahdollinen: päivää ei ole olemassa tai se on"
            + " tulevaisuudessa. Tarkista tunnus.",
        "The birth date in the code is not a calendar date or lies in the future."),
    INDIVIDUAL_NUMBER(
        "Henkilötunnuksen yksilönumero (välimerkin jälkeiset kolme numeroa) ei voi olla 000 tai"
            + " 001. Tarkista tunnus.",
        "The individual number (the three digits after the century sign) is never 000 or 001."),
    CHECK_CHARACTER(
        "Henkilötunnuksen tarkistusmerkki ei täsmää. Tarkista tunnus.",
        "The check character (last character) does not match the rest of the code.");

    private final String messageFi;
    private final String messageEn;

    Kind(String messageFi, String messageEn) {
      this.messageFi = messageFi;
      this.messageEn = messageEn;
    }

    /** Plain-language Finnish text to show to the member of staff who typed the code. */
    public String messageFi() {
      return messageFi;
    }

    /** English text for developers and logs. */
    public String messageEn() {
      return messageEn;
    }
  }

  private final Kind kind;

  public InvalidIdentityCodeException(Kind kind) {
    super(kind.messageEn());
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** Finnish text for staff; the same as {@code kind().messageFi()}. */
  public String messageFi() {
    return kind.messageFi();
  }

  /** English text; the same as {@link #getMessage()}. */
  public String messageEn() {
    return kind.messageEn();
  }
}
