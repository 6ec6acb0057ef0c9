package fi.polku.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.polku.calendar.WorkingDays;
import fi.polku.supported.SupportedEmploymentRecords.Coaching;
import fi.polku.supported.SupportedEmploymentRecords.JobSpell;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The supported-employment figures from known coachings, without a database: shares, times, 6 months, Kykyviisari, "< 5". */
class SupportedEmploymentMetricsTest {

  static final LocalDate TODAY = LocalDate.parse("2026-11-30");
  static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).atZone(WorkingDays.FINLAND).toInstant(), WorkingDays.FINLAND);

  @Test
  void sharesOfEndedCoachingsTimesFromTheStartAndJobsHeldAtSixMonths() {
    List<Coaching> coachings = new ArrayList<>();
    // Six employed without subsidy: first contact after 10 days, a job after 40, started a year ago, still in it.
    for (int i = 0; i < 6; i++) {
      coachings.add(coaching(i, "2025-11-01", "employed", "2025-11-11", List.of(job("2025-12-11", "none", null)), 5, 7));
    }
    // Five employed with wage subsidy, whose first job ended after 2 months and the second lasted.
    for (int i = 6; i < 11; i++) {
      coachings.add(coaching(i, "2025-11-01", "employed", "2025-11-21", List.of(job("2025-12-01", "wage-subsidy",
          "2026-02-01"), job("2026-03-01", "wage-subsidy", null)), 6, 6));
    }
    // Three who declined, and one still running with no employer contact yet.
    for (int i = 11; i < 14; i++) {
      coachings.add(coaching(i, "2026-01-01", "declined", null, List.of(), null, null));
    }
    coachings.add(coaching(14, "2026-11-01", null, null, List.of(), 4, null));

    List<Figure> figures = new ArrayList<>();
    new SupportedEmploymentMetrics((from, to, municipality) -> coachings, CLOCK)
        .figures(new EvaluationQuery(LocalDate.parse("2025-01-01"), TODAY, Optional.empty(), Optional.empty()), figures);
    EvaluationReport report = new EvaluationReport(null, Instant.EPOCH, figures);

    assertThat(value(report, "supported-employment", "clients", "count")).isEqualTo(15.0);
    assertThat(value(report, "supported-employment", "ended", "count")).isEqualTo(14.0);
    assertThat(value(report, "supported-employment", "employed-open", "share")).isEqualTo(100.0 * 6 / 14);
    assertThat(value(report, "supported-employment", "employed-wage-subsidy", "share")).isEqualTo(100.0 * 5 / 14);
    // 16 jobs began at least 6 months ago; the 5 that ended after 2 months were not held.
    assertThat(value(report, "supported-employment", "jobs-held-6m", "count")).isEqualTo(11.0);
    assertThat(value(report, "supported-employment", "jobs-held-6m", "share")).isEqualTo(100.0 * 11 / 16);
    assertThat(value(report, "supported-employment-time", "start-to-first-contact", "n")).isEqualTo(11.0);
    assertThat(value(report, "supported-employment-time", "start-to-first-contact", "median")).isEqualTo(10.0);
    assertThat(value(report, "supported-employment-time", "start-to-first-contact", "p90")).isEqualTo(20.0);
    assertThat(value(report, "supported-employment-time", "start-to-first-job", "median")).isEqualTo(40.0);
    assertThat(value(report, "supported-employment-kykyviisari", "kykyviisari", "mean")).isEqualTo(12 / 11.0);
    // Three who declined are three people: shown as "< 5", as every other figure of so few.
    Figure declined = report.find("supported-employment", "supported-employment", "end:declined", "count");
    assertThat(declined.suppressed()).isTrue();
    assertThat(declined.shown()).isEqualTo(Figure.SUPPRESSED);
    assertThat(report.find("supported-employment", "supported-employment", "end:education", "count").shown()).isEqualTo(0L);
  }

  private static Double value(EvaluationReport report, String metric, String category, String statistic) {
    Figure figure = report.find(metric, "supported-employment", category, statistic);
    assertThat(figure.suppressed()).as("%s/%s/%s is shown", metric, category, statistic).isFalse();
    return figure.value();
  }

  private static Coaching coaching(long id, String started, String endState, String firstContact, List<JobSpell> jobs,
      Integer kykyFirst, Integer kykyLast) {
    return new Coaching(id, LocalDate.parse(started).atTime(10, 0).atZone(WorkingDays.FINLAND).toInstant(),
        "declined".equals(endState) ? "declined" : "agreed", endState, endState == null ? null : Instant.parse("2026-10-01T10:00:00Z"),
        firstContact == null ? null : LocalDate.parse(firstContact), jobs, kykyFirst, kykyLast);
  }

  private static JobSpell job(String start, String arrangement, String ended) {
    return new JobSpell(LocalDate.parse(start), arrangement, ended == null ? null : LocalDate.parse(ended));
  }
}
