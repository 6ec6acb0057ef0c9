package fi.polku.evaluation;

import fi.polku.cases.WorkAbilityMeasurements;
import fi.polku.handover.OhHandoverModel;
import fi.polku.referral.ReferralRecords;
import fi.polku.referral.TeReferralModel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures read from what the paths recorded beside the engine: the team's follow-on paths, the
 * 3- and 6-month outcomes and satisfaction, and the change in work-ability measurements: read
 * through the interfaces their modules own ({@link ReferralRecords}, {@link WorkAbilityMeasurements}),
 * counted there, never from their tables.
 */
class RecordedMetrics {

  static final List<String> OUTCOMES = List.of("employed", "education", "rehabilitation", "outside-labour-force",
      "still-unemployed");

  private final ReferralRecords referrals;
  private final WorkAbilityMeasurements measurements;

  RecordedMetrics(ReferralRecords referrals, WorkAbilityMeasurements measurements) {
    this.referrals = referrals;
    this.measurements = measurements;
  }

  void followOn(EvaluationQuery query, List<String> referralInstances, EvaluationScan.Tally tally,
      List<Figure> figures) {
    Map<String, Map<String, Long>> chosen = new LinkedHashMap<>();
    query.paths().forEach(path -> chosen.put(path, tally.paths.get(path).followOn));
    if (query.paths().contains(TeReferralModel.PROCESS_KEY)) {
      referrals.followOnPaths(referralInstances).forEach((path, count) ->
          chosen.get(TeReferralModel.PROCESS_KEY).merge(path, count, Long::sum));
    }
    chosen.forEach((path, counts) -> counts.forEach((followOn, count) ->
        figures.add(Figure.count("follow-on", path, followOn, Labels.category(followOn), count))));
  }

  void outcomes(EvaluationQuery query, List<String> referralInstances, EvaluationScan.Tally tally,
      List<Figure> figures) {
    EvaluationScan.PathTally handovers = tally.paths.get(OhHandoverModel.PROCESS_KEY);
    if (handovers != null) {
      TallyMetrics.mean(figures, OhHandoverModel.PROCESS_KEY, "client-experience", handovers.experience);
    }
    if (!query.paths().contains(TeReferralModel.PROCESS_KEY)) {
      return;
    }
    Map<Integer, Map<String, Long>> counts = new TreeMap<>();
    Map<Integer, Histogram> satisfaction = new TreeMap<>();
    for (int months : new int[] {3, 6}) {
      Map<String, Long> outcome = new LinkedHashMap<>();
      OUTCOMES.forEach(code -> outcome.put(code, 0L));
      counts.put(months, outcome);
      satisfaction.put(months, new Histogram(0));
    }
    for (ReferralRecords.OutcomeCount row : referrals.outcomes(referralInstances)) {
      counts.computeIfAbsent(row.months(), m -> new LinkedHashMap<>()).merge(row.outcome(), row.count(), Long::sum);
      if (row.satisfaction() != null) {
        Histogram values = satisfaction.computeIfAbsent(row.months(), m -> new Histogram(0));
        for (long i = 0; i < row.count(); i++) {
          values.add(row.satisfaction());
        }
      }
    }
    counts.forEach((months, outcome) -> {
      long all = outcome.values().stream().mapToLong(Long::longValue).sum();
      outcome.forEach((code, count) -> {
        String category = months + "m:" + code;
        String name = Labels.category("follow-up-" + months) + ": " + Labels.category(code);
        figures.add(new Figure("outcome", TeReferralModel.PROCESS_KEY, category, name, "count", (double) count, count));
        figures.add(TallyMetrics.share("outcome", TeReferralModel.PROCESS_KEY, category, count, all).named(name));
      });
    });
    satisfaction.forEach((months, values) -> TallyMetrics.mean(figures, TeReferralModel.PROCESS_KEY, "follow-up-" + months, values));
  }

  void workAbility(Collection<Long> clients, List<Figure> figures) {
    measurements.changes(clients).forEach((instrument, clientsByChange) -> {
      String category = instrument.name().toLowerCase(java.util.Locale.ROOT);
      Histogram changes = new Histogram(-instrument.max());
      long improved = 0;
      long unchanged = 0;
      long worsened = 0;
      for (Map.Entry<Integer, Long> clientsWithChange : clientsByChange.entrySet()) {
        int change = clientsWithChange.getKey();
        long n = clientsWithChange.getValue();
        for (long i = 0; i < n; i++) {
          changes.add(change);
        }
        // "Improved" means better for the client, whichever way the instrument counts.
        int better = instrument.lowerIsBetter() ? -change : change;
        if (better > 0) {
          improved += n;
        } else if (change == 0) {
          unchanged += n;
        } else {
          worsened += n;
        }
      }
      String name = Labels.category(category);
      figures.add(Figure.count("work-ability-change", "all", category, name, changes.n()).withStatistic("n"));
      figures.add(new Figure("work-ability-change", "all", category, name, "mean", changes.mean(), changes.n()));
      figures.add(new Figure("work-ability-change", "all", category, name, "median", changes.median(), changes.n()));
      figures.add(Figure.count("work-ability-change", "all", category + ":improved", name + ": " + Labels.category("improved"), improved));
      figures.add(Figure.count("work-ability-change", "all", category + ":unchanged", name + ": " + Labels.category("unchanged"), unchanged));
      figures.add(Figure.count("work-ability-change", "all", category + ":worsened", name + ": " + Labels.category("worsened"), worsened));
    });
  }
}
