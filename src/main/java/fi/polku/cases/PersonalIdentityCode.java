package fi.polku.cases;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.InvalidIdentityCodeException.Kind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A valid Finnish personal identity code (henkilötunnus), DDMMYYCZZZQ, as the Finnish Digital and
 * Population Data Services Agency (DVV) defines it: birth date, century sign, individual number
 * and check character.
 *
 * <p>A final class rather than a record: a record's constructor is public, and every instance of
 * this type must have passed {@link #parse}. {@link #toString()} is masked so that the code cannot
 * slip into a log line or an exception message by string concatenation.
 */
public final class PersonalIdentityCode {

  /** The check character is indexed by DDMMYYZZZ modulo 31; G, I, O, Q and Z are left out. */
  private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

  /**
   * Birth dates in the code are Finnish calendar dates, so "in the future" is judged in Finland
   * whatever zone the server runs in: a child born just after midnight must be accepted at once.
   */

  private static final int LENGTH = 11;
  private static final int FIRST_TEMPORARY_INDIVIDUAL_NUMBER = 900;
  private static final int FIRST_ISSUED_INDIVIDUAL_NUMBER = 2;

  private final String value;
  private final LocalDate birthDate;
  private final boolean temporary;

  private PersonalIdentityCode(String value, LocalDate birthDate, boolean temporary) {
    this.value = value;
    this.birthDate = birthDate;
    this.temporary = temporary;
  }

  /**
   * Parses a code typed by staff, judging "birth date in the future" by the system clock.
   *
   * @throws InvalidIdentityCodeException with the kind of mistake; its message never holds the code
   */
  public static PersonalIdentityCode parse(String input) {
    return parse(input, Clock.system(WorkingDays.FINLAND));
  }

  /**
   * Parses a code typed by staff, judging "birth date in the future" by the given clock.
   *
   * @throws InvalidIdentityCodeException with the kind of mistake; its message never holds the code
   */
  public static PersonalIdentityCode parse(String input, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    String code = input == null ? "" : stripBlanks(input);
    if (code.isEmpty()) {
      throw new InvalidIdentityCodeException(Kind.MISSING);
    }
    if (code.length() != LENGTH) {
      throw new InvalidIdentityCodeException(Kind.LENGTH);
    }
    code = upperCaseAscii(code);
    if (!allDigits(code, 0, 6) || !allDigits(code, 7, 10)) {
      throw new InvalidIdentityCodeException(Kind.FORMAT);
    }

    int century = centuryOf(code.charAt(6));
    if (century < 0) {
      throw new InvalidIdentityCodeException(Kind.CENTURY_SIGN);
    }

    int day = number(code, 0, 2);
    int month = number(code, 2, 4);
    int year = century + number(code, 4, 6);
    // Checked by hand rather than by catching DateTimeException: its message quotes the date's
    // parts, and nothing derived from the code may travel with the exception.
    if (month < 1 || month > 12 || day < 1 || !YearMonth.of(year, month).isValidDay(day)) {
      throw new InvalidIdentityCodeException(Kind.DATE);
    }
    LocalDate birthDate = LocalDate.of(year, month, day);
    if (birthDate.isAfter(clock.instant().atZone(WorkingDays.FINLAND).toLocalDate())) {
      throw new InvalidIdentityCodeException(Kind.DATE);
    }

    int individualNumber = number(code, 7, 10);
    if (individualNumber < FIRST_ISSUED_INDIVIDUAL_NUMBER) {
      throw new InvalidIdentityCodeException(Kind.INDIVIDUAL_NUMBER);
    }

    // The century sign is not part of the checked number, so a sign mistyped as another sign of
    // the same century passes this check; value() says why the result is still another code.
    int checked = Integer.parseInt(code.substring(0, 6) + code.substring(7, 10));
    if (code.charAt(10) != CHECK_CHARACTERS.charAt(checked % 31)) {
      throw new InvalidIdentityCodeException(Kind.CHECK_CHARACTER);
    }

    return new PersonalIdentityCode(
        code, birthDate, individualNumber >= FIRST_TEMPORARY_INDIVIDUAL_NUMBER);
  }

  /**
   * The normalised code, 11 characters in upper case. The century sign is kept as given: since
   * 2023 the same digits with another sign of the same century (e.g. '-' and 'Y') are issued to
   * different people, so the sign is part of the identity.
   */
  public String value() {
    return value;
  }

  /**
   * What staff may read on a screen: the birth date and century sign, the individual number and
   * check character hidden ({@code 131052-****}). Enough to tell two clients of the same name
   * apart on the phone, not enough to act as the person.
   */
  public String masked() {
    return value.substring(0, 7) + "****";
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /**
   * Whether the individual number is 900–999: a temporary code (e.g. given by a health care unit
   * before DVV issues a permanent one) or a test code, not a permanent identity code.
   */
  public boolean isTemporary() {
    return temporary;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PersonalIdentityCode that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Masked: the code must never reach a log line or a message by accident. */
  @Override
  public String toString() {
    return "PersonalIdentityCode[masked]";
  }

  /** The first year of the century the sign stands for, or -1 for an unknown sign. */
  private static int centuryOf(char sign) {
    return switch (sign) {
      case '+' -> 1800;
      // Y, X, W, V and U (and B–F below) were added on 1 January 2023, when the classic signs
      // alone no longer left enough individual numbers for some birth dates.
      case '-', 'Y', 'X', 'W', 'V', 'U' -> 1900;
      case 'A', 'B', 'C', 'D', 'E', 'F' -> 2000;
      default -> -1;
    };
  }

  /**
   * Strips surrounding whitespace including the no-break space, which codes copied from office
   * documents and web pages often carry and {@link String#strip()} keeps.
   */
  private static String stripBlanks(String input) {
    int start = 0;
    int end = input.length();
    while (start < end && isBlank(input.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(input.charAt(end - 1))) {
      end--;
    }
    return input.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * Only a–z are raised: String.toUpperCase could turn one character into two (ß into SS) and
   * make a wrong code the right length.
   */
  private static String upperCaseAscii(String code) {
    char[] chars = code.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'a' && chars[i] <= 'z') {
        chars[i] = (char) (chars[i] - 'a' + 'A');
      }
    }
    return new String(chars);
  }

  /** ASCII digits only: Character.isDigit would also let through e.g. Arabic-Indic digits. */
  private static boolean allDigits(String code, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String code, int from, int to) {
    return Integer.parseInt(code, from, to, 10);
  }
}
