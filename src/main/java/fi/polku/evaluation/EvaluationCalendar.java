package fi.polku.evaluation;

import fi.polku.calendar.WorkingDays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * Finnish days and months as instants, so each row's day and month are found by a binary search
 * instead of a time-zone conversion, and working days by a running count per day.
 */
final class EvaluationCalendar {
  private final LocalDate first;
  private final Instant[] dayStarts;
  private final int[] workingDaysSoFar;
  final YearMonth[] months;
  private final Instant[] monthStarts;
  private final ZoneId databaseZone = ZoneId.systemDefault();

  private final WorkingDays workingDays;

  EvaluationCalendar(WorkingDays workingDays, LocalDate first, LocalDate last, YearMonth firstMonth, YearMonth lastMonth) {
    this.workingDays = workingDays;
    this.first = first;
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    dayStarts = new Instant[days + 1];
    workingDaysSoFar = new int[days];
    int count = 0;
    for (int day = 0; day <= days; day++) {
      LocalDate date = first.plusDays(day);
      dayStarts[day] = date.atStartOfDay(WorkingDays.FINLAND).toInstant();
      if (day < days) {
        count += day > 0 && workingDays.isWorkingDay(date) ? 1 : 0;
        workingDaysSoFar[day] = count;
      }
    }
    int monthCount = (int) ChronoUnit.MONTHS.between(firstMonth, lastMonth) + 1;
    months = new YearMonth[monthCount];
    monthStarts = new Instant[monthCount + 1];
    for (int month = 0; month <= monthCount; month++) {
      YearMonth yearMonth = firstMonth.plusMonths(month);
      if (month < monthCount) {
        months[month] = yearMonth;
      }
      monthStarts[month] = yearMonth.atDay(1).atStartOfDay(WorkingDays.FINLAND).toInstant();
    }
  }

  /** The engine writes its history times in the JVM's zone, without the zone. */
  Instant instant(ResultSet rs, int column) throws SQLException {
    LocalDateTime time = rs.getObject(column, LocalDateTime.class);
    return time == null ? null : time.atZone(databaseZone).toInstant();
  }

  /** Our own tables keep times with their zone. */
  Instant instantWithZone(ResultSet rs, int column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  int month(Instant instant) {
    return slot(monthStarts, instant);
  }

  /** Adds the working days from one moment to another, if both happened. */
  void lead(Histogram days, Instant from, Instant to) {
    if (from != null && to != null && !to.isBefore(from)) {
      days.add(between(from, to));
    }
  }

  private int between(Instant from, Instant to) {
    int fromDay = slot(dayStarts, from);
    int toDay = slot(dayStarts, to);
    if (fromDay < 0 || toDay < 0) {
      return workingDays.workingDaysBetween(from.atZone(WorkingDays.FINLAND).toLocalDate(),
          to.atZone(WorkingDays.FINLAND).toLocalDate());
    }
    return workingDaysSoFar[toDay] - workingDaysSoFar[fromDay];
  }

  /** The index i with starts[i] <= instant < starts[i + 1], or -1 outside. */
  private int slot(Instant[] starts, Instant instant) {
    int found = Arrays.binarySearch(starts, instant);
    int index = found >= 0 ? found : -found - 2;
    return index < 0 || index >= starts.length - 1 ? -1 : index;
  }
}
