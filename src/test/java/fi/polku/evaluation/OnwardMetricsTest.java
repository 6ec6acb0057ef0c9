package fi.polku.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.polku.calendar.WorkingDays;
import fi.polku.onward.OnwardReferralRecords.Requested;
import fi.polku.onward.OnwardService;
import fi.polku.onward.OnwardStatus;
import fi.polku.onward.UnaccountedCases.Gap;
import fi.polku.onward.UnaccountedCases.Reason;
import fi.polku.onward.UnaccountedCases.UnaccountedCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The onward referrals' figures from known referrals, without a database: statuses, days to acceptance, unaccounted, "< 5". */
class OnwardMetricsTest {

  static final LocalDate TODAY = LocalDate.parse("2026-11-30");
  static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).atZone(WorkingDays.FINLAND).toInstant(), WorkingDays.FINLAND);
  static final EvaluationQuery QUERY = new EvaluationQuery(LocalDate.parse("2026-01-01"), TODAY, Optional.empty(), Optional.empty());

  @Test
  void referralsByServiceAndStatusAndTheWorkingDaysFromRequestToAcceptance() {
    List<Requested> referrals = new ArrayList<>();
    // Specialist care: six accepted, requested on Monday 2.11.2026 and accepted 1, 2, 2, 3, 4 and 9 working days
    // later (Friday 13.11. is the ninth working day after it).
    String[] accepted = {"2026-11-03", "2026-11-04", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-13"};
    for (int i = 0; i < accepted.length; i++) {
      OnwardStatus status = i < 2 ? OnwardStatus.COMPLETED : i < 4 ? OnwardStatus.IN_PROGRESS : OnwardStatus.ACCEPTED;
      referrals.add(referral(i, OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT, status, "2026-11-02", accepted[i]));
    }
    // One rejected and one unanswered there too, never accepted.
    referrals.add(referral(6, OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT, OnwardStatus.REJECTED, "2026-11-02", null));
    referrals.add(referral(7, OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT, OnwardStatus.REQUESTED, "2026-11-20", null));
    // Kela: two, one cancelled after a rejection (never accepted), one accepted the same day.
    referrals.add(referral(8, OnwardService.KELA_VOCATIONAL_REHABILITATION, OnwardStatus.CANCELLED, "2026-10-01", null));
    referrals.add(referral(9, OnwardService.KELA_VOCATIONAL_REHABILITATION, OnwardStatus.ACCEPTED, "2026-10-01", "2026-10-01"));

    EvaluationReport report = report(referrals, List.of());

    assertThat(value(report, "onward-referrals", "esh-multiprofessional-assessment", "count")).isEqualTo(8.0);
    assertThat(value(report, "onward-referrals", "esh-multiprofessional-assessment", "completed")).isEqualTo(2.0);
    assertThat(value(report, "onward-referrals", "esh-multiprofessional-assessment", "failed")).isZero();
    assertThat(value(report, "onward-referrals", "total", "count")).isEqualTo(10.0);
    assertThat(value(report, "onward-referrals", "total", "accepted")).isEqualTo(3.0);
    // 1, 2, 2, 3, 4 and 9 working days: the median averages the middle two.
    assertThat(value(report, "onward-acceptance", "esh-multiprofessional-assessment", "n")).isEqualTo(6.0);
    assertThat(value(report, "onward-acceptance", "esh-multiprofessional-assessment", "median")).isEqualTo(2.5);
    assertThat(value(report, "onward-acceptance", "esh-multiprofessional-assessment", "p90")).isEqualTo(9.0);
    assertThat(value(report, "onward-acceptance", "total", "median")).isEqualTo(2.0);
    // Kela's figures describe two referrals: shown as "< 5", as every other figure of so few.
    Figure kela = report.find("onward-acceptance", "onward-referral", "kela-vocational-rehabilitation", "median");
    assertThat(kela.value()).isZero();
    assertThat(kela.shown()).isEqualTo(Figure.SUPPRESSED);
    assertThat(kela.categoryName()).isEqualTo("Kela: ammatillinen kuntoutus");
    // A service no referral went to has no row.
    assertThat(report.of("onward-referrals")).noneMatch(figure -> figure.category().equals("sote-physician"));
    assertThat(Labels.STATISTICS.get("rejected")).isEqualTo("palautettu");
  }

  @Test
  void theUnaccountedCasesOfTodayAreCountedByWhyAndNarrowedByMunicipality() {
    Instant since = Instant.parse("2026-11-20T08:00:00Z");
    List<UnaccountedCase> cases = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cases.add(unaccounted("TK-2026-00000" + i, "Pori", Gap.ONWARD_UNANSWERED, since));
    }
    cases.add(unaccounted("TK-2026-000010", "Rauma", Gap.ONWARD_REJECTED, since));
    cases.add(unaccounted("TK-2026-000011", "Pori", Gap.HAND_OFF_END, since));

    EvaluationReport all = report(List.of(), cases);
    assertThat(value(all, "unaccounted", "unaccounted-cases", "count")).isEqualTo(7.0);
    assertThat(all.find("unaccounted", "all", "unaccounted-cases", "count").shown()).isEqualTo(7L);
    assertThat(value(all, "unaccounted", "onward-unanswered", "count")).isEqualTo(5.0);
    assertThat(all.find("unaccounted", "all", "hand-off-end", "count").shown()).isEqualTo(Figure.SUPPRESSED);
    // No referrals in the period: only the count of today, no empty tables.
    assertThat(all.of("onward-referrals")).isEmpty();

    List<Figure> figures = new ArrayList<>();
    new OnwardMetrics((from, to, municipality) -> List.of(), municipality -> cases.stream()
        .filter(c -> municipality.isEmpty() || municipality.get().equals(c.municipality())).toList(),
        new WorkingDays(CLOCK)).figures(new EvaluationQuery(QUERY.from(), QUERY.to(), Optional.empty(), Optional.of("Rauma")), figures);
    assertThat(new EvaluationReport(null, Instant.EPOCH, figures).find("unaccounted", "all", "unaccounted-cases", "count")
        .value()).isEqualTo(1.0);

    EvaluationReport none = report(List.of(), List.of());
    assertThat(none.find("unaccounted", "all", "unaccounted-cases", "count").shown()).as("the goal, shown as it is").isEqualTo(0L);
  }

  private static EvaluationReport report(List<Requested> referrals, List<UnaccountedCase> unaccounted) {
    List<Figure> figures = new ArrayList<>();
    new OnwardMetrics((from, to, municipality) -> referrals, municipality -> unaccounted, new WorkingDays(CLOCK))
        .figures(QUERY, figures);
    return new EvaluationReport(null, Instant.EPOCH, figures);
  }

  private static Requested referral(long id, OnwardService service, OnwardStatus status, String requested, String accepted) {
    return new Requested(id, "TK-2026-" + String.format("%06d", id), service, status,
        LocalDate.parse(requested).atTime(9, 0).atZone(WorkingDays.FINLAND).toInstant(),
        accepted == null ? null : LocalDate.parse(accepted).atTime(14, 0).atZone(WorkingDays.FINLAND).toInstant());
  }

  private static UnaccountedCase unaccounted(String caseNumber, String municipality, Gap gap, Instant since) {
    return new UnaccountedCase(caseNumber, municipality, since, 6, Duration.ofDays(10),
        List.of(new Reason(gap, "Erikoissairaanhoito: moniammatillinen arvio", since, 1L, null, "sote-counsellor", null)));
  }

  private static double value(EvaluationReport report, String metric, String category, String statistic) {
    String path = metric.equals("unaccounted") ? "all" : "onward-referral";
    return report.find(metric, path, category, statistic).value();
  }
}
