package fi.polku.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.temporal.TemporalAdjusters.nextOrSame;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Finnish working days for deadlines that the law and our service promises count in working days
 * (triage within five working days, and so on). BPMN timers call it by name, for example {@code
 * <timeDate>${workingDays.after(5)}</timeDate>}, which is why the timer methods return {@link
 * Date}: that is what a Camunda {@code timeDate} expression accepts.
 *
 * <p>A working day is Monday to Friday, unless it is a Finnish public holiday or one of the eves
 * (Midsummer Eve, Christmas Eve) on which offices are closed in practice. The rules are those in
 * force since 1991; before that Epiphany and Ascension Day were moved to Saturdays, which this
 * class does not model because no case of ours is that old.
 */
@Component("workingDays")
public class WorkingDays {

  /** Deadlines are Finnish: the day an instant falls on is the day in Helsinki. */
  public static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

  // Only days: a week, month or year is not a fixed number of working days, and a time of day
  // would pretend to a precision that a working-day deadline does not have.
  private static final Pattern DAYS_ONLY =
      Pattern.compile("P(\\d{1,5})D", Pattern.CASE_INSENSITIVE);

  /** A holiday and what a Finn calls it. */
  public record Holiday(LocalDate date, String finnishName) {

    public Holiday {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(finnishName, "finnishName");
    }
  }

  private final Clock clock;

  // Walking a deadline asks about every day on the way; a year's holidays never change, so each
  // year is worked out once.
  private final Map<Integer, Set<LocalDate>> holidayDatesByYear = new ConcurrentHashMap<>();

  public WorkingDays(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether people are at work on this day in Finland. */
  public boolean isWorkingDay(LocalDate day) {
    Objects.requireNonNull(day, "day");
    if (day.getDayOfWeek() == SATURDAY || day.getDayOfWeek() == SUNDAY) {
      return false;
    }
    return !holidayDates(day.getYear()).contains(day);
  }

  /** The year's holidays, earliest first, each date once. */
  public List<LocalDate> holidays(int year) {
    return holidayDates(year).stream().sorted().toList();
  }

  /**
   * The year's holidays with their Finnish names, earliest first. Two holidays can fall on one
   * date (Ascension Day was May Day in 2008), and then both are listed.
   */
  public List<Holiday> holidaysOf(int year) {
    LocalDate easter = easterSunday(year);
    LocalDate midsummerEve = LocalDate.of(year, Month.JUNE, 19).with(nextOrSame(FRIDAY));
    LocalDate allSaintsDay = LocalDate.of(year, Month.OCTOBER, 31).with(nextOrSame(SATURDAY));
    List<Holiday> holidays = new ArrayList<>(List.of(
        new Holiday(LocalDate.of(year, Month.JANUARY, 1), "Uudenvuodenpäivä"),
        new Holiday(LocalDate.of(year, Month.JANUARY, 6), "Loppiainen"),
        new Holiday(easter.minusDays(2), "Pitkäperjantai"),
        new Holiday(easter, "Pääsiäispäivä"),
        new Holiday(easter.plusDays(1), "2. pääsiäispäivä"),
        new Holiday(LocalDate.of(year, Month.MAY, 1), "Vappu"),
        new Holiday(easter.plusDays(39), "Helatorstai"),
        new Holiday(easter.plusDays(49), "Helluntaipäivä"),
        new Holiday(midsummerEve, "Juhannusaatto"),
        new Holiday(midsummerEve.plusDays(1), "Juhannuspäivä"),
        new Holiday(allSaintsDay, "Pyhäinpäivä"),
        new Holiday(LocalDate.of(year, Month.DECEMBER, 6), "Itsenäisyyspäivä"),
        new Holiday(LocalDate.of(year, Month.DECEMBER, 24), "Jouluaatto"),
        new Holiday(LocalDate.of(year, Month.DECEMBER, 25), "Joulupäivä"),
        new Holiday(LocalDate.of(year, Month.DECEMBER, 26), "Tapaninpäivä")));
    // A stable sort keeps May Day before Ascension Day when they coincide.
    holidays.sort(Comparator.comparing(Holiday::date));
    return List.copyOf(holidays);
  }

  /**
   * The day {@code days} working days after {@code start}, not counting {@code start} itself. With
   * zero days: {@code start} if it is a working day, otherwise the next working day.
   */
  public LocalDate plusWorkingDays(LocalDate start, int days) {
    Objects.requireNonNull(start, "start");
    requireNotNegative(days);
    LocalDate day = start;
    if (days == 0) {
      while (!isWorkingDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    }
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** Now plus {@code days} working days, at the same wall-clock time in Finland. */
  public Date after(int days) {
    return plusWorkingDaysAt(ZonedDateTime.now(clock.withZone(FINLAND)), days);
  }

  /**
   * Now plus an ISO-8601 period of days read as working days: {@code P5D} is five working days,
   * so an SLA can be a property such as {@code polku.referral.triage-sla: P5D}.
   */
  public Date after(String isoPeriodOfDays) {
    return after(parseWorkingDays(isoPeriodOfDays));
  }

  /** {@code from} plus {@code days} working days, at the same wall-clock time in Finland. */
  public Date afterFrom(Date from, int days) {
    Objects.requireNonNull(from, "from");
    return plusWorkingDaysAt(from.toInstant().atZone(FINLAND), days);
  }

  /**
   * How many working days come after {@code fromExclusive} up to and including {@code
   * toInclusive}: a referral received on Wednesday and triaged on Friday took two working days.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    if (toInclusive.isBefore(fromExclusive)) {
      throw new IllegalArgumentException("The end " + toInclusive + " is before the start "
          + fromExclusive + "; a lead time cannot be negative, so the dates are probably swapped");
    }
    int count = 0;
    LocalDate day = fromExclusive.plusDays(1);
    while (!day.isAfter(toInclusive)) {
      if (isWorkingDay(day)) {
        count++;
      }
      day = day.plusDays(1);
    }
    return count;
  }

  /** Easter Sunday by the Gregorian computus (the anonymous Gregorian algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  static int parseWorkingDays(String isoPeriodOfDays) {
    if (isoPeriodOfDays == null) {
      throw new IllegalArgumentException(
          "No working-day period given; write a number of days in ISO-8601, such as P5D");
    }
    Matcher matcher = DAYS_ONLY.matcher(isoPeriodOfDays.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + isoPeriodOfDays + "' is not a number of working "
          + "days: write days only in ISO-8601, such as P5D, because weeks, months, years and "
          + "hours have no fixed number of working days");
    }
    return Integer.parseInt(matcher.group(1));
  }

  private Date plusWorkingDaysAt(ZonedDateTime start, int days) {
    LocalDate due = plusWorkingDays(start.toLocalDate(), days);
    // Same wall-clock time, not same number of hours: a referral at 9:00 is due at 9:00 even
    // when daylight saving time began or ended in between.
    return Date.from(ZonedDateTime.of(due, start.toLocalTime(), FINLAND).toInstant());
  }

  private Set<LocalDate> holidayDates(int year) {
    return holidayDatesByYear.computeIfAbsent(year,
        y -> holidaysOf(y).stream().map(Holiday::date).collect(Collectors.toUnmodifiableSet()));
  }

  private static void requireNotNegative(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("A deadline of " + days
          + " working days is in the past; the number of working days cannot be negative");
    }
  }
}
