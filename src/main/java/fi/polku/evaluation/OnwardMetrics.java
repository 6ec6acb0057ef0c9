package fi.polku.evaluation;

import fi.polku.calendar.WorkingDays;
import fi.polku.onward.OnwardReferralRecords;
import fi.polku.onward.OnwardReferralRecords.Requested;
import fi.polku.onward.OnwardService;
import fi.polku.onward.OnwardStatus;
import fi.polku.onward.UnaccountedCases;
import fi.polku.onward.UnaccountedCases.UnaccountedCase;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The onward referrals' figures (docs/evaluation.md, "Jatko-ohjaukset"): the cases unaccounted for
 * now (the programme's goal: zero), and per receiving service the referrals requested in the
 * period by their status now and the working days from the request to the receiver's acceptance.
 * Every cell carries its count, so the small-number protection of {@link Figure} applies as
 * everywhere.
 */
class OnwardMetrics {

  static final String PATH = "onward-referral";

  private final OnwardReferralRecords records;
  private final Function<Optional<String>, List<UnaccountedCase>> unaccounted;
  private final WorkingDays workingDays;

  OnwardMetrics(OnwardReferralRecords records, Function<Optional<String>, List<UnaccountedCase>> unaccounted,
      WorkingDays workingDays) {
    this.records = records;
    this.unaccounted = unaccounted;
    this.workingDays = workingDays;
  }

  void figures(EvaluationQuery query, List<Figure> figures) {
    // Unaccounted is a state of today, not of the period: the municipality narrows it, the dates do not.
    List<UnaccountedCase> now = unaccounted.apply(query.municipality());
    figures.add(Figure.count("unaccounted", "all", "unaccounted-cases", Labels.category("unaccounted-cases"), now.size()));
    for (UnaccountedCases.Gap gap : UnaccountedCases.Gap.values()) {
      long cases = now.stream().filter(c -> c.reasons().stream().anyMatch(r -> r.gap() == gap)).count();
      figures.add(Figure.count("unaccounted", "all", gap.code(), gap.finnishName(), cases));
    }

    List<Requested> requested = records.requested(query.from(), query.to(), query.municipality());
    if (requested.isEmpty()) {
      return;
    }
    Map<OnwardService, Map<OnwardStatus, Long>> byService = new EnumMap<>(OnwardService.class);
    Map<OnwardService, Histogram> toAcceptance = new EnumMap<>(OnwardService.class);
    Map<OnwardStatus, Long> total = statuses();
    Histogram allToAcceptance = new Histogram(0);
    for (Requested referral : requested) {
      byService.computeIfAbsent(referral.service(), service -> statuses()).merge(referral.status(), 1L, Long::sum);
      total.merge(referral.status(), 1L, Long::sum);
      if (referral.acceptedAt() != null) {
        int days = workingDays.workingDaysBetween(referral.requestedAt().atZone(WorkingDays.FINLAND).toLocalDate(),
            referral.acceptedAt().atZone(WorkingDays.FINLAND).toLocalDate());
        toAcceptance.computeIfAbsent(referral.service(), service -> new Histogram(0)).add(days);
        allToAcceptance.add(days);
      }
    }
    byService.forEach((service, counts) -> statusFigures(figures, service.code(), service.finnishName(), counts));
    statusFigures(figures, "total", Labels.category("total"), total);
    byService.keySet().forEach(service -> days(figures, service.code(), service.finnishName(),
        toAcceptance.getOrDefault(service, new Histogram(0))));
    days(figures, "total", Labels.category("total"), allToAcceptance);
  }

  private static Map<OnwardStatus, Long> statuses() {
    Map<OnwardStatus, Long> counts = new LinkedHashMap<>();
    for (OnwardStatus status : OnwardStatus.values()) {
      counts.put(status, 0L);
    }
    return counts;
  }

  private static void statusFigures(List<Figure> figures, String category, String name, Map<OnwardStatus, Long> counts) {
    long all = counts.values().stream().mapToLong(Long::longValue).sum();
    figures.add(Figure.count("onward-referrals", PATH, category, name, all));
    counts.forEach((status, count) ->
        figures.add(Figure.count("onward-referrals", PATH, category, name, count).withStatistic(status.code())));
  }

  private static void days(List<Figure> figures, String category, String name, Histogram days) {
    figures.add(Figure.count("onward-acceptance", PATH, category, name, days.n()).withStatistic("n"));
    figures.add(new Figure("onward-acceptance", PATH, category, name, "median", days.median(), days.n()));
    figures.add(new Figure("onward-acceptance", PATH, category, name, "p90", days.percentile(90), days.n()));
  }
}
