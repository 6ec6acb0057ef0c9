package fi.polku.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The figures of one evaluation, in the order the report shows them. */
public record EvaluationReport(EvaluationQuery query, Instant generatedAt, List<Figure> figures) {

  /** The figures of a metric, in order. */
  public List<Figure> of(String metric) {
    return figures.stream().filter(figure -> figure.metric().equals(metric)).toList();
  }

  /** The figures by metric, in the report's order. */
  public Map<String, List<Figure>> byMetric() {
    Map<String, List<Figure>> metrics = new LinkedHashMap<>();
    figures.forEach(figure -> metrics.computeIfAbsent(figure.metric(), metric -> new ArrayList<>()).add(figure));
    return metrics;
  }

  /** The first figure matching, for tests and charts. */
  public Figure find(String metric, String path, String category, String statistic) {
    Predicate<Figure> match = figure -> figure.metric().equals(metric) && figure.path().equals(path)
        && figure.category().equals(category) && figure.statistic().equals(statistic);
    return figures.stream().filter(match).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no figure " + metric + "/" + path + "/" + category + "/" + statistic));
  }
}
