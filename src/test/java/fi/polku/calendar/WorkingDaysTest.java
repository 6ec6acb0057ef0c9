package fi.polku.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.polku.calendar.WorkingDays.Holiday;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dates here were checked against a printed Finnish calendar for 2026: 1 January 2026 is a
 * Thursday, Easter Sunday is 5 April, and daylight saving time runs from 29 March to 25 October.
 */
class WorkingDaysTest {

  /** Wednesday 1 April 2026, 10:00 in Helsinki (summer time, UTC+3): a referral arrives. */
  private static final Instant REFERRAL_RECEIVED = Instant.parse("2026-04-01T07:00:00Z");

  // The application's clock runs in UTC, so the tests do too: the day must still be Finland's.
  private final WorkingDays workingDays = at(REFERRAL_RECEIVED);

  private static WorkingDays at(Instant now) {
    return new WorkingDays(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static Date helsinki(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDays.FINLAND).toInstant());
  }

  @ParameterizedTest(name = "Easter {0} is {1}")
  @CsvSource({
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2038, 2038-04-25",
    "2008, 2008-03-23",
    "2011, 2011-04-24",
    "2019, 2019-04-21",
    "2285, 2285-03-22",
    "1943, 1943-04-25",
  })
  void easterFollowsTheGregorianComputus(int year, LocalDate easterSunday) {
    assertThat(WorkingDays.easterSunday(year)).isEqualTo(easterSunday);
  }

  @Test
  void everyHolidayOf2026IsListedWithItsFinnishName() {
    assertThat(workingDays.holidaysOf(2026)).containsExactly(
        new Holiday(LocalDate.of(2026, 1, 1), "Uudenvuodenpäivä"),
        new Holiday(LocalDate.of(2026, 1, 6), "Loppiainen"),
        new Holiday(LocalDate.of(2026, 4, 3), "Pitkäperjantai"),
        new Holiday(LocalDate.of(2026, 4, 5), "Pääsiäispäivä"),
        new Holiday(LocalDate.of(2026, 4, 6), "2. pääsiäispäivä"),
        new Holiday(LocalDate.of(2026, 5, 1), "Vappu"),
        new Holiday(LocalDate.of(2026, 5, 14), "Helatorstai"),
        new Holiday(LocalDate.of(2026, 5, 24), "Helluntaipäivä"),
        new Holiday(LocalDate.of(2026, 6, 19), "Juhannusaatto"),
        new Holiday(LocalDate.of(2026, 6, 20), "Juhannuspäivä"),
        new Holiday(LocalDate.of(2026, 10, 31), "Pyhäinpäivä"),
        new Holiday(LocalDate.of(2026, 12, 6), "Itsenäisyyspäivä"),
        new Holiday(LocalDate.of(2026, 12, 24), "Jouluaatto"),
        new Holiday(LocalDate.of(2026, 12, 25), "Joulupäivä"),
        new Holiday(LocalDate.of(2026, 12, 26), "Tapaninpäivä"));
  }

  @Test
  void holidayDatesOf2026AreSortedAndComplete() {
    assertThat(workingDays.holidays(2026)).containsExactly(
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 1, 6),
        LocalDate.of(2026, 4, 3),
        LocalDate.of(2026, 4, 5),
        LocalDate.of(2026, 4, 6),
        LocalDate.of(2026, 5, 1),
        LocalDate.of(2026, 5, 14),
        LocalDate.of(2026, 5, 24),
        LocalDate.of(2026, 6, 19),
        LocalDate.of(2026, 6, 20),
        LocalDate.of(2026, 10, 31),
        LocalDate.of(2026, 12, 6),
        LocalDate.of(2026, 12, 24),
        LocalDate.of(2026, 12, 25),
        LocalDate.of(2026, 12, 26));
  }

  @ParameterizedTest(name = "{0}: Midsummer Eve {1}, All Saints'' Day {2}")
  @CsvSource({
    "2025, 2025-06-20, 2025-11-01",
    "2027, 2027-06-25, 2027-11-06",
    "2028, 2028-06-23, 2028-11-04",
  })
  void midsummerAndAllSaintsMoveToTheirWeekday(int year, LocalDate eve, LocalDate allSaints) {
    assertThat(workingDays.holidays(year)).contains(eve, eve.plusDays(1), allSaints);
    assertThat(eve.getDayOfWeek()).hasToString("FRIDAY");
    assertThat(allSaints.getDayOfWeek()).hasToString("SATURDAY");
  }

  @Test
  void mayDayAndAscensionDayOnTheSameDateAreBothNamedButTheDateCountsOnce() {
    // Easter 2008 was 23 March, so Ascension Day (Easter + 39) was 1 May.
    assertThat(workingDays.holidaysOf(2008))
        .filteredOn(holiday -> holiday.date().equals(LocalDate.of(2008, 5, 1)))
        .extracting(Holiday::finnishName)
        .containsExactly("Vappu", "Helatorstai");
    assertThat(workingDays.holidays(2008)).doesNotHaveDuplicates().hasSize(14);
  }

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
    "2026-04-02, true",  // Maundy Thursday is an ordinary working day
    "2026-04-03, false", // Good Friday
    "2026-04-06, false", // Easter Monday
    "2026-04-11, false", // Saturday
    "2026-04-12, false", // Sunday
    "2026-04-30, true",  // May Day Eve is not a holiday
    "2026-05-14, false", // Ascension Day
    "2026-06-19, false", // Midsummer Eve
    "2026-12-06, false", // Independence Day on a Sunday is not moved
    "2026-12-07, true",  // so the Monday after is a working day
    "2026-12-24, false", // Christmas Eve
    "2026-12-31, true",  // New Year's Eve is a working day
  })
  void tellsWhetherADayIsAWorkingDay(LocalDate day, boolean working) {
    assertThat(workingDays.isWorkingDay(day)).isEqualTo(working);
  }

  @Test
  void weekendsAreSkipped() {
    LocalDate friday = LocalDate.of(2026, 1, 9);

    assertThat(workingDays.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 1, 12));
    assertThat(workingDays.plusWorkingDays(friday, 5)).isEqualTo(LocalDate.of(2026, 1, 16));
    assertThat(workingDays.plusWorkingDays(friday, 6)).isEqualTo(LocalDate.of(2026, 1, 19));
  }

  @Test
  void zeroWorkingDaysIsTheSameDayOnlyIfItIsAWorkingDay() {
    assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 4, 1), 0))
        .isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 1, 10), 0))
        .as("Saturday moves to Monday")
        .isEqualTo(LocalDate.of(2026, 1, 12));
    assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 4, 3), 0))
        .as("Good Friday moves past Easter to Tuesday")
        .isEqualTo(LocalDate.of(2026, 4, 7));
  }

  @Test
  void aFiveWorkingDayTriageSlaAcrossEasterSkipsGoodFridayAndEasterMonday() {
    // Received Wed 1.4. 10:00; counted: Thu 2.4., Tue 7.4., Wed 8.4., Thu 9.4., Fri 10.4.
    assertThat(workingDays.after(5)).isEqualTo(helsinki("2026-04-10T10:00"));
    assertThat(workingDays.afterFrom(Date.from(REFERRAL_RECEIVED), 5))
        .isEqualTo(helsinki("2026-04-10T10:00"));
  }

  @Test
  void anSlaAcrossChristmasAndNewYearSkipsTheEvesHolidaysAndEpiphany() {
    Date wednesdayBeforeChristmas = helsinki("2026-12-23T14:30");

    // Mon 28.12., Tue 29.12., Wed 30.12., Thu 31.12.; Fri 1.1. is a holiday; then Mon 4.1.
    assertThat(workingDays.afterFrom(wednesdayBeforeChristmas, 5))
        .isEqualTo(helsinki("2027-01-04T14:30"));
    // Tue 5.1.; Wed 6.1. is Epiphany; then Thu 7.1.
    assertThat(workingDays.afterFrom(wednesdayBeforeChristmas, 7))
        .isEqualTo(helsinki("2027-01-07T14:30"));
  }

  @Test
  void anSlaAcrossMidsummerSkipsMidsummerEve() {
    assertThat(workingDays.afterFrom(helsinki("2026-06-18T12:00"), 1))
        .isEqualTo(helsinki("2026-06-22T12:00"));
  }

  @Test
  void anIsoPeriodOfDaysCountsWorkingDays() {
    assertThat(workingDays.after("P5D")).isEqualTo(helsinki("2026-04-10T10:00"));
    assertThat(workingDays.after("p5d")).isEqualTo(helsinki("2026-04-10T10:00"));
    assertThat(workingDays.after("P0D")).isEqualTo(helsinki("2026-04-01T10:00"));
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(strings = {"P1M", "P1W", "P1Y", "PT5H", "P1DT2H", "P-5D", "5", ""})
  void anIsoPeriodWithAnythingButDaysIsRejectedWithTheReason(String period) {
    assertThatThrownBy(() -> workingDays.after(period))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write days only in ISO-8601, such as P5D")
        .hasMessageContaining("months");
  }

  @ParameterizedTest
  @NullSource
  void aMissingIsoPeriodIsRejected(String period) {
    assertThatThrownBy(() -> workingDays.after(period))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P5D");
  }

  @Test
  void theWallClockTimeIsKeptWhenDaylightSavingTimeBegins() {
    // Thu 26.3.2026 09:00 is UTC+2; DST begins Sun 29.3.; Mon 30.3. 09:00 is UTC+3.
    Date thursdayMorning = Date.from(Instant.parse("2026-03-26T07:00:00Z"));

    assertThat(workingDays.afterFrom(thursdayMorning, 2))
        .isEqualTo(Date.from(Instant.parse("2026-03-30T06:00:00Z")))
        .isEqualTo(helsinki("2026-03-30T09:00"));
    assertThat(at(thursdayMorning.toInstant()).after(2)).isEqualTo(helsinki("2026-03-30T09:00"));
  }

  @Test
  void theWallClockTimeIsKeptWhenDaylightSavingTimeEnds() {
    // Fri 23.10.2026 09:00 is UTC+3; DST ends Sun 25.10.; Mon 26.10. 09:00 is UTC+2.
    assertThat(workingDays.afterFrom(Date.from(Instant.parse("2026-10-23T06:00:00Z")), 1))
        .isEqualTo(Date.from(Instant.parse("2026-10-26T07:00:00Z")));
  }

  @Test
  void theDayIsDecidedInHelsinkiNotInUtc() {
    // Thu 2.4.2026 22:30 UTC is already Good Friday 01:30 in Helsinki.
    WorkingDays lateThursdayInUtc = at(Instant.parse("2026-04-02T22:30:00Z"));

    assertThat(lateThursdayInUtc.after(0)).isEqualTo(helsinki("2026-04-07T01:30"));
    assertThat(lateThursdayInUtc.after(1)).isEqualTo(helsinki("2026-04-07T01:30"));
  }

  @ParameterizedTest(name = "{0} → {1}: {2} working days")
  @CsvSource({
    "2026-04-01, 2026-04-01, 0",
    "2026-04-01, 2026-04-03, 1", // Thursday only: Good Friday does not count
    "2026-04-01, 2026-04-10, 5",
    "2026-06-18, 2026-06-22, 1",
    "2026-12-23, 2027-01-04, 5",
    "2026-01-09, 2026-01-11, 0", // Friday to Sunday
    "2025-12-31, 2026-12-31, 252",
  })
  void countsWorkingDaysBetweenTwoDates(LocalDate fromExclusive, LocalDate toInclusive, int days) {
    assertThat(workingDays.workingDaysBetween(fromExclusive, toInclusive)).isEqualTo(days);
  }

  @Test
  void countingWorkingDaysUndoesAddingThem() {
    LocalDate start = LocalDate.of(2025, 12, 1);
    for (LocalDate day = start; day.isBefore(start.plusYears(2)); day = day.plusDays(1)) {
      for (int days = 1; days <= 12; days++) {
        LocalDate due = workingDays.plusWorkingDays(day, days);
        assertThat(workingDays.workingDaysBetween(day, due)).as("%s + %d", day, days).isEqualTo(days);
        assertThat(workingDays.isWorkingDay(due)).as("%s + %d", day, days).isTrue();
      }
    }
  }

  @Test
  void aNegativeLeadTimeIsRejected() {
    assertThatThrownBy(() ->
            workingDays.workingDaysBetween(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be negative");
  }

  @Test
  void aNegativeNumberOfWorkingDaysIsRejected() {
    assertThatThrownBy(() -> workingDays.after(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be negative");
  }

  @Test
  void bpmnTimerExpressionsReachTheRightMethods() {
    // The engine's own expression language, as a timeDate sees it: a number literal must not
    // land on after(String), nor a string on after(int).
    JuelExpressionManager expressions = new JuelExpressionManager(Map.of("workingDays", workingDays));
    ELContext context = expressions.createElContext(Variables.createVariables()
        .putValue("receivedAt", helsinki("2026-06-18T12:00"))
        .putValue("sla", "P5D")
        .asVariableContext());

    assertThat(evaluate(expressions, context, "${workingDays.after(5)}"))
        .isEqualTo(helsinki("2026-04-10T10:00"));
    assertThat(evaluate(expressions, context, "${workingDays.after('P5D')}"))
        .isEqualTo(helsinki("2026-04-10T10:00"));
    assertThat(evaluate(expressions, context, "${workingDays.after(sla)}"))
        .isEqualTo(helsinki("2026-04-10T10:00"));
    assertThat(evaluate(expressions, context, "${workingDays.afterFrom(receivedAt, 1)}"))
        .isEqualTo(helsinki("2026-06-22T12:00"));
  }

  private static Object evaluate(JuelExpressionManager expressions, ELContext context, String el) {
    return expressions.createValueExpression(el).getValue(context);
  }
}
