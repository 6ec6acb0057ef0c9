package fi.polku.evaluation;

import fi.polku.calendar.WorkingDays;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the report page's template ({@code templates/evaluation/report.mustache}) shows: the
 * filter, then per metric a heading, a chart where it helps, and a table. Plain values only; the
 * template escapes every one of them. The charts are SVG drawn by {@link SvgCharts}, which escapes
 * its own text.
 */
final class ReportModel {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm");

  private ReportModel() {}

  static Map<String, Object> of(EvaluationReport report, String userId) {
    EvaluationQuery query = report.query();
    Map<String, List<Figure>> metrics = report.byMetric();
    Map<String, Object> model = new HashMap<>();
    model.put("title", "Polun arviointi");
    model.put("userId", userId);
    model.put("fromDay", query.from().format(DAY));
    model.put("toDay", query.to().format(DAY));
    model.put("pathName", query.path().map(Labels.PATHS::get).orElse("kaikki polut"));
    model.put("municipalityName", query.municipality().orElse("kaikki kunnat"));
    model.put("generatedAt", report.generatedAt().atZone(WorkingDays.FINLAND).format(TIME));
    model.put("from", query.from().toString());
    model.put("to", query.to().toString());
    model.put("paths", EvaluationQuery.PATHS.stream().map(path -> Map.of("value", path, "name", Labels.PATHS.get(path),
        "selected", query.path().filter(path::equals).isPresent())).toList());
    model.put("municipality", query.municipality().orElse(""));
    model.put("pathParam", optional(query.path()));
    model.put("municipalityParam", optional(query.municipality().map(m -> URLEncoder.encode(m, StandardCharsets.UTF_8))));

    List<Map<String, Object>> sections = new ArrayList<>();
    section(sections, "clients", metrics, "", table(metrics.get("clients"), true));
    List<Figure> monthly = metrics.getOrDefault("clients-per-month", List.of());
    section(sections, "clients-per-month", metrics, ReportCharts.monthly(monthly), monthlyTable(monthly));
    section(sections, "lead-time", metrics, "", table(metrics.get("lead-time"), false));
    section(sections, "lead-time-distribution", metrics,
        ReportCharts.distribution(metrics.getOrDefault("lead-time-distribution", List.of())),
        table(metrics.get("lead-time-distribution"), false));
    section(sections, "sla", metrics, "", table(metrics.get("sla"), false));
    section(sections, "end-state", metrics, "", table(metrics.get("end-state"), true));
    section(sections, "follow-on", metrics, "", table(metrics.get("follow-on"), true));
    section(sections, "outcome", metrics, ReportCharts.outcome(metrics.getOrDefault("outcome", List.of())),
        table(metrics.get("outcome"), false));
    section(sections, "satisfaction", metrics, "", table(metrics.get("satisfaction"), false));
    section(sections, "work-ability-change", metrics,
        ReportCharts.change(metrics.getOrDefault("work-ability-change", List.of())),
        table(metrics.get("work-ability-change"), false));
    for (String metric : List.of("invitation-response", "unaccounted", "onward-referrals", "onward-acceptance",
        "supported-employment", "supported-employment-time", "supported-employment-kykyviisari")) {
      section(sections, metric, metrics, "", table(metrics.get(metric), false));
    }
    model.put("sections", sections);
    return model;
  }

  private static List<String> optional(Optional<String> value) {
    return value.map(List::of).orElse(List.of());
  }

  private static void section(List<Map<String, Object>> sections, String metric, Map<String, List<Figure>> metrics,
      String chart, Map<String, Object> table) {
    if (metrics.containsKey(metric)) {
      sections.add(Map.of("id", metric, "heading", Labels.METRICS.get(metric), "chart", chart, "table", table));
    }
  }

  /** A table with a row per (path, category) and a column per statistic. */
  static Map<String, Object> table(List<Figure> figures, boolean pathColumn) {
    if (figures == null || figures.isEmpty()) {
      return Map.of("empty", true);
    }
    Map<String, Map<String, Figure>> rows = new LinkedHashMap<>();
    Set<String> statistics = new LinkedHashSet<>();
    for (Figure figure : figures) {
      rows.computeIfAbsent(figure.path() + "\u0000" + figure.category(), key -> new LinkedHashMap<>())
          .put(figure.statistic(), figure);
      statistics.add(figure.statistic());
    }
    List<String> headers = new ArrayList<>();
    if (pathColumn) {
      headers.add("Polku");
    }
    headers.add(pathColumn ? "Luokka" : "Mittari");
    statistics.forEach(statistic -> headers.add(statisticName(statistic)));
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Map<String, Figure> row : rows.values()) {
      Figure first = row.values().iterator().next();
      String category = Objects.toString(first.categoryName(), "");
      List<String> labels = pathColumn ? List.of(Objects.toString(Labels.PATHS.get(first.path()), ""), category)
          : List.of(category);
      shown.add(Map.of("labels", labels, "cells", statistics.stream().map(statistic -> cell(row.get(statistic))).toList()));
    }
    return Map.of("empty", false, "headers", headers, "rows", shown);
  }

  /** A row per month and a column per path. */
  private static Map<String, Object> monthlyTable(List<Figure> monthly) {
    Map<String, Map<String, Figure>> rows = new LinkedHashMap<>();
    Set<String> paths = new LinkedHashSet<>();
    for (Figure figure : monthly) {
      rows.computeIfAbsent(figure.category(), month -> new LinkedHashMap<>()).put(figure.path(), figure);
      paths.add(figure.path());
    }
    List<String> headers = new ArrayList<>(List.of("Kuukausi"));
    paths.forEach(path -> headers.add(Objects.toString(Labels.PATHS.get(path), "")));
    List<Map<String, Object>> shown = new ArrayList<>();
    rows.forEach((month, byPath) -> shown.add(Map.of(
        "labels", List.of(YearMonth.parse(month).format(DateTimeFormatter.ofPattern("M/yyyy"))),
        "cells", paths.stream().map(path -> cell(byPath.get(path))).toList())));
    return Map.of("empty", false, "headers", headers, "rows", shown);
  }

  private static String statisticName(String statistic) {
    String name = Labels.STATISTICS.get(statistic);
    if (name != null) {
      return "share".equals(statistic) ? name + " %" : name;
    }
    return statistic + " pv";
  }

  /** A cell: blank (no figure), suppressed ("< 5") or shown with its text. */
  private static Map<String, Object> cell(Figure figure) {
    boolean blank = figure == null;
    boolean suppressed = !blank && figure.suppressed();
    Object shown = blank ? null : figure.shown();
    String text = shown == null ? "–" : shown instanceof Double number
        ? String.format(Locale.ROOT, "%.1f", number).replace('.', ',') : shown.toString();
    return Map.of("blank", blank, "suppressed", suppressed, "shown", !blank && !suppressed, "text", text);
  }
}
