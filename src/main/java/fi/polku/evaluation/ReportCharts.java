package fi.polku.evaluation;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The report page's four charts: which figures each draws, as {@link SvgCharts} grouped bars. */
final class ReportCharts {

  private ReportCharts() {}

  static String monthly(List<Figure> monthly) {
    Map<String, List<Figure>> byPath = new LinkedHashMap<>();
    Set<String> months = new LinkedHashSet<>();
    for (Figure figure : monthly) {
      byPath.computeIfAbsent(figure.path(), path -> new ArrayList<>()).add(figure);
      months.add(figure.category());
    }
    List<String> labels = months.stream().map(month -> YearMonth.parse(month).format(DateTimeFormatter.ofPattern("M/yy"))).toList();
    List<SvgCharts.Series> series = byPath.entrySet().stream()
        .map(entry -> new SvgCharts.Series(Labels.PATHS.get(entry.getKey()), entry.getValue())).toList();
    return SvgCharts.groupedBars("Uudet asiakkaat kuukausittain polun mukaan", labels, series, "asiakasta");
  }

  static String distribution(List<Figure> distribution) {
    Map<String, List<Figure>> byLeadTime = new LinkedHashMap<>();
    Set<String> buckets = new LinkedHashSet<>();
    for (Figure figure : distribution) {
      byLeadTime.computeIfAbsent(figure.categoryName(), name -> new ArrayList<>()).add(figure);
      buckets.add(figure.statistic());
    }
    List<SvgCharts.Series> series = byLeadTime.entrySet().stream()
        .map(entry -> new SvgCharts.Series(entry.getKey(), entry.getValue())).toList();
    return SvgCharts.groupedBars("Läpimenoaikojen jakauma työpäivinä", buckets.stream().map(b -> b + " pv").toList(), series, "asiakasta");
  }

  static String outcome(List<Figure> outcomes) {
    List<String> labels = RecordedMetrics.OUTCOMES.stream().map(Labels::category).toList();
    List<SvgCharts.Series> series = new ArrayList<>();
    for (int months : new int[] {3, 6}) {
      List<Figure> shares = new ArrayList<>();
      for (String outcome : RecordedMetrics.OUTCOMES) {
        shares.add(outcomes.stream().filter(f -> f.category().equals(months + "m:" + outcome) && f.statistic().equals("share"))
            .findFirst().orElse(null));
      }
      series.add(new SvgCharts.Series("Seuranta " + months + " kk", shares));
    }
    return SvgCharts.groupedBars("Tilanne seurannassa, osuus seuratuista (%)", labels, series, "%");
  }

  static String change(List<Figure> changes) {
    List<String> directions = List.of("improved", "unchanged", "worsened");
    List<SvgCharts.Series> series = new ArrayList<>();
    for (String instrument : List.of("whodas", "kykyviisari")) {
      List<Figure> counts = new ArrayList<>();
      for (String direction : directions) {
        counts.add(changes.stream().filter(f -> f.category().equals(instrument + ":" + direction)).findFirst().orElse(null));
      }
      series.add(new SvgCharts.Series(instrument.equals("whodas") ? "WHODAS 2.0" : "Kykyviisari", counts));
    }
    return SvgCharts.groupedBars("Työkyvyn muutos ensimmäisestä viimeiseen mittaukseen (asiakkaita)",
        directions.stream().map(Labels::category).toList(), series, "asiakasta");
  }
}
