package fi.polku.evaluation;

import fi.polku.cases.WorkAbilityMeasurements.Instrument;
import fi.polku.handover.OhHandoverModel;
import fi.polku.referral.TeReferralModel;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures read from what the paths recorded beside the engine: the team's follow-on paths, the
 * 3- and 6-month outcomes and satisfaction, and the change in work-ability measurements.
 */
class RecordedMetrics {

  static final List<String> OUTCOMES = List.of("employed", "education", "rehabilitation", "outside-labour-force",
      "still-unemployed");

  private final JdbcTemplate jdbc;

  RecordedMetrics(JdbcTemplate streaming) {
    this.jdbc = streaming;
  }

  void followOn(EvaluationQuery query, EvaluationScan.Filter filter, EvaluationScan.Tally tally, List<Figure> figures) {
    Map<String, Map<String, Long>> chosen = new LinkedHashMap<>();
    query.paths().forEach(path -> chosen.put(path, tally.paths.get(path).followOn));
    if (query.paths().contains(TeReferralModel.PROCESS_KEY)) {
      jdbc.query("select m.follow_on_paths from referral_mapping m join referral r on r.id = m.referral_id"
          + " where r.process_instance_id in (" + filter.instanceIds() + ")", rs -> {
            for (String path : rs.getString(1).split(",")) {
              if (!path.isBlank()) {
                chosen.get(TeReferralModel.PROCESS_KEY).merge(path.trim(), 1L, Long::sum);
              }
            }
          }, filter.args());
    }
    chosen.forEach((path, counts) -> counts.forEach((followOn, count) ->
        figures.add(Figure.count("follow-on", path, followOn, Labels.category(followOn), count))));
  }

  void outcomes(EvaluationQuery query, EvaluationScan.Filter filter, EvaluationScan.Tally tally, List<Figure> figures) {
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
    jdbc.query("select o.months, o.outcome, o.satisfaction from referral_outcome o join referral r on r.id = o.referral_id"
        + " where r.process_instance_id in (" + filter.instanceIds() + ")", rs -> {
          int months = rs.getInt(1);
          counts.computeIfAbsent(months, m -> new LinkedHashMap<>()).merge(rs.getString(2), 1L, Long::sum);
          if (rs.getObject(3) != null) {
            satisfaction.computeIfAbsent(months, m -> new Histogram(0)).add(rs.getInt(3));
          }
        }, filter.args());
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

  void workAbility(EvaluationScan.Filter filter, List<Figure> figures) {
    // Per instrument and client: the first score, the last score and how many there were.
    Map<Instrument, Map<Long, int[]>> measured = new EnumMap<>(Instrument.class);
    for (Instrument instrument : Instrument.values()) {
      measured.put(instrument, new HashMap<>());
    }
    jdbc.query("select m.client_id, m.instrument, m.score from work_ability_measurement m"
        + " where m.client_id in (" + filter.clientIds() + ") order by m.client_id, m.instrument, m.measured_at, m.id", rs -> {
          int score = rs.getInt(3);
          int[] firstLastCount = measured.get(Instrument.valueOf(rs.getString(2)))
              .computeIfAbsent(rs.getLong(1), client -> new int[] {score, score, 0});
          firstLastCount[1] = score;
          firstLastCount[2]++;
        }, filter.args());
    measured.forEach((instrument, byClient) -> {
      String category = instrument.name().toLowerCase(java.util.Locale.ROOT);
      Histogram changes = new Histogram(-instrument.max());
      long improved = 0;
      long unchanged = 0;
      long worsened = 0;
      for (int[] firstLastCount : byClient.values()) {
        if (firstLastCount[2] < 2) {
          continue;
        }
        int change = firstLastCount[1] - firstLastCount[0];
        changes.add(change);
        // "Improved" means better for the client, whichever way the instrument counts.
        int better = instrument.lowerIsBetter() ? -change : change;
        if (better > 0) {
          improved++;
        } else if (change == 0) {
          unchanged++;
        } else {
          worsened++;
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
