package fi.polku.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fi.polku.cases.InvalidIdentityCodeException.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every code here is made up. "People" have individual numbers 900–999 (temporary and test codes);
 * the few regular numbers, needed to show they are not flagged, sit on 1800s birth dates.
 */
class PersonalIdentityCodeTest {

  /** Mid-morning of 15 June 2026 in Finland. */
  private static final Clock TODAY =
      Clock.fixed(Instant.parse("2026-06-15T06:00:00Z"), ZoneId.of("Europe/Helsinki"));

  private static PersonalIdentityCode parse(String input) {
    return PersonalIdentityCode.parse(input, TODAY);
  }

  @ParameterizedTest(name = "{0} is born {1}")
  @CsvSource({
    "010185+901E, 1885-01-01",
    "150650-902H, 1950-06-15",
    "010203A908A, 2003-02-01",
  })
  void theClassicCenturySignsGiveTheCenturyOfBirth(String code, LocalDate birthDate) {
    PersonalIdentityCode parsed = parse(code);

    assertThat(parsed.birthDate()).isEqualTo(birthDate);
    assertThat(parsed.value()).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} is born {1}")
  @CsvSource({
    "230373Y9037, 1973-03-23",
    "300988X904F, 1988-09-30",
    "070745W905Y, 1945-07-07",
    "111199V906R, 1999-11-11",
    "280266U907Y, 1966-02-28",
    "181018B909M, 2018-10-18",
    "050520C910S, 2020-05-05",
    "121201D9112, 2001-12-12",
    "310715E912X, 2015-07-31",
    "200224F9135, 2024-02-20",
  })
  void everyCenturySignOf2023IsAccepted(String code, LocalDate birthDate) {
    PersonalIdentityCode parsed = parse(code);

    assertThat(parsed.birthDate()).isEqualTo(birthDate);
    assertThat(parsed.value()).isEqualTo(code);
  }

  @Test
  void theSameDigitsWithAnotherCenturySignAreAnotherCode() {
    PersonalIdentityCode classic = parse("150650-902H");
    PersonalIdentityCode since2023 = parse("150650Y902H");

    assertThat(since2023.birthDate()).isEqualTo(classic.birthDate());
    assertThat(since2023).isNotEqualTo(classic);
  }

  @ParameterizedTest
  @ValueSource(strings = {"010101A900R", "311299-950V", "010101A999X"})
  void individualNumbers900To999AreFlaggedAsTemporary(String code) {
    assertThat(parse(code).isTemporary()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"010180+0025", "150680+456V", "010180+8993"})
  void individualNumbers002To899AreNotFlaggedAsTemporary(String code) {
    assertThat(parse(code).isTemporary()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "230373y9037",
        "  230373Y9037  ",
        "\t230373y9037\n",
        "\u00a0230373Y9037\u00a0",
      })
  void lowercaseAndSurroundingWhitespaceAreNormalised(String typed) {
    PersonalIdentityCode parsed = parse(typed);

    assertThat(parsed.value()).isEqualTo("230373Y9037");
    assertThat(parsed).isEqualTo(parse("230373Y9037")).hasSameHashCodeAs(parse("230373Y9037"));
  }

  @ParameterizedTest(name = "{0} is shown as {1}")
  @CsvSource({
    "131052-950H, 131052-****",
    "230373Y9037, 230373Y****",
    "050520c910s, 050520C****",
  })
  void theMaskedCodeShowsTheBirthDateAndCenturySignOnly(String code, String masked) {
    assertThat(parse(code).masked()).isEqualTo(masked).doesNotContain(parse(code).value().substring(7));
  }

  @Test
  void aLowercaseCheckCharacterAndCenturySignAreAccepted() {
    assertThat(parse("050520c910s").value()).isEqualTo("050520C910S");
  }

  @ParameterizedTest(name = "{0} is born {1}")
  @CsvSource({
    "290200A914T, 2000-02-29",
    "290224A9184, 2024-02-29",
  })
  void aLeapDayIsAValidBirthDate(String code, LocalDate birthDate) {
    assertThat(parse(code).birthDate()).isEqualTo(birthDate);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "290223A916T", // 2023 is not a leap year
        "290200-915U", // 1900 is not a leap year: divisible by 100, not by 400
        "290200+964D", // nor is 1800
      })
  void the29thOfFebruaryOfACommonYearIsRejected(String code) {
    assertThat(kindOf(code)).isEqualTo(Kind.DATE);
  }

  @Test
  void aChildBornTodayIsAcceptedButABirthDateTomorrowIsNot() {
    assertThat(parse("150626A9617").birthDate()).isEqualTo(LocalDate.of(2026, 6, 15));
    assertThat(kindOf("160626A962W")).isEqualTo(Kind.DATE);
  }

  @Test
  void todayIsTheFinnishDateWhateverZoneTheServerRunsIn() {
    // 22:30 in UTC on 14 June is already 01:30 on 15 June in Finland.
    Clock utcServer = Clock.fixed(Instant.parse("2026-06-14T22:30:00Z"), ZoneOffset.UTC);

    assertThat(PersonalIdentityCode.parse("150626A9617", utcServer).birthDate())
        .isEqualTo(LocalDate.of(2026, 6, 15));
  }

  @Test
  void withoutAClockTheSystemClockDecidesWhatIsInTheFuture() {
    assertThat(PersonalIdentityCode.parse("010101A900R").birthDate())
        .isEqualTo(LocalDate.of(2001, 1, 1));
    assertThatThrownBy(() -> PersonalIdentityCode.parse("010199F990X"))
        .isInstanceOfSatisfying(
            InvalidIdentityCodeException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DATE));
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("", Kind.MISSING),
        Arguments.of("   ", Kind.MISSING),
        Arguments.of("\u00a0\t", Kind.MISSING),
        Arguments.of("010101A900", Kind.LENGTH),
        Arguments.of("010101A900RR", Kind.LENGTH),
        Arguments.of("010101 A900R", Kind.LENGTH),
        Arguments.of("0101O1A900R", Kind.FORMAT), // letter O for zero in the date
        Arguments.of("01-101A900R", Kind.FORMAT),
        Arguments.of("010101A9O0R", Kind.FORMAT), // letter O in the individual number
        Arguments.of("010101A90RR", Kind.FORMAT),
        Arguments.of("\u066110101A900R", Kind.FORMAT), // Arabic-Indic digit one
        Arguments.of("010101G900R", Kind.CENTURY_SIGN),
        Arguments.of("010101Z900R", Kind.CENTURY_SIGN),
        Arguments.of("010101/900R", Kind.CENTURY_SIGN),
        Arguments.of("010101_900R", Kind.CENTURY_SIGN),
        Arguments.of("000126A970T", Kind.DATE), // day 0
        Arguments.of("320126A972H", Kind.DATE), // day 32
        Arguments.of("011326A9715", Kind.DATE), // month 13
        Arguments.of("310425A9732", Kind.DATE), // April has 30 days
        Arguments.of("310224A917C", Kind.DATE),
        Arguments.of("310226F963C", Kind.DATE),
        Arguments.of("010127A974U", Kind.DATE), // next year
        Arguments.of("010101A000P", Kind.INDIVIDUAL_NUMBER),
        Arguments.of("010101A001R", Kind.INDIVIDUAL_NUMBER),
        Arguments.of("010101A900S", Kind.CHECK_CHARACTER), // should be R
        Arguments.of("230373Y9038", Kind.CHECK_CHARACTER), // should be 7
        Arguments.of("010101A900G", Kind.CHECK_CHARACTER), // G is never a check character
        Arguments.of("010101A900Z", Kind.CHECK_CHARACTER),
        Arguments.of("010101A900!", Kind.CHECK_CHARACTER));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("mistakes")
  void eachMistakeIsNamedWithoutRepeatingTheCode(String input, Kind expected) {
    InvalidIdentityCodeException e =
        catchThrowableOfType(InvalidIdentityCodeException.class, () -> parse(input));

    assertThat(e).as("parse should fail").isNotNull();
    assertThat(e.kind()).isEqualTo(expected);
    assertThat(e.getMessage()).isEqualTo(expected.messageEn());
    assertThat(e.messageFi()).isEqualTo(expected.messageFi());
    assertThat(e.getCause()).isNull();
    if (expected != Kind.MISSING) {
      assertThat(Stream.of(e.getMessage(), e.messageFi(), e.toString(), e.getLocalizedMessage()))
          .allSatisfy(
              text ->
                  assertThat(text)
                      .doesNotContain(input)
                      .doesNotContain(input.strip())
                      .doesNotContainIgnoringCase(input.substring(0, 6)));
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  void aMissingCodeIsNamedAsMissing(String input) {
    assertThat(kindOf(input)).isEqualTo(Kind.MISSING);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyKindHasItsOwnFinnishAndEnglishText(Kind kind) {
    assertThat(kind.messageFi()).isNotBlank().isNotEqualTo(kind.messageEn());
    assertThat(kind.messageEn()).isNotBlank();
    assertThat(kind.messageFi()).contains("enkilötunnu");
  }

  @Test
  void noTwoKindsShareAText() {
    Set<Kind> kinds = EnumSet.allOf(Kind.class);

    assertThat(kinds.stream().map(Kind::messageFi).collect(Collectors.toSet())).hasSize(kinds.size());
    assertThat(kinds.stream().map(Kind::messageEn).collect(Collectors.toSet())).hasSize(kinds.size());
  }

  @Test
  void toStringMasksTheCode() {
    PersonalIdentityCode code = parse("010101A900R");

    assertThat(code.toString())
        .isEqualTo("PersonalIdentityCode[masked]")
        .doesNotContain("010101")
        .doesNotContain("900");
    assertThat("Saved " + code).doesNotContain("010101A900R");
  }

  private static Kind kindOf(String input) {
    InvalidIdentityCodeException e =
        catchThrowableOfType(InvalidIdentityCodeException.class, () -> parse(input));
    assertThat(e).as("parse should fail").isNotNull();
    return e.kind();
  }
}
