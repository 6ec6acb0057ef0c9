package fi.polku.evaluation;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The report page's HTML: a filter form, then per metric a heading, a chart where it helps, and a table. */
final class EvaluationHtml {

  static final String CSS = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1d1d1d;background:#fff}"
      + "header{background:#12395c;color:#fff;padding:12px 24px;display:flex;justify-content:space-between;align-items:center}"
      + "header a{color:#fff}main{padding:8px 24px 32px;max-width:1100px}h1{font-size:1.5rem;margin:.4em 0}"
      + "h2{font-size:1.15rem;margin:1.6em 0 .4em;border-bottom:2px solid #12395c;padding-bottom:2px}"
      + "table{border-collapse:collapse;margin:.5em 0 1em;font-size:.9rem}th,td{border:1px solid #c8c8c8;padding:3px 8px;text-align:left}"
      + "td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#eef2f6}td.suppressed{color:#666;font-style:italic}"
      + "form.filter{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;background:#f4f6f8;padding:10px;border-radius:4px}"
      + "form label{display:flex;flex-direction:column;font-size:.85rem}.note{font-size:.85rem;color:#444}"
      + "svg.chart{max-width:100%;height:auto;display:block;margin:.5em 0}section{break-inside:avoid}"
      + ".login{max-width:360px;margin:40px auto}.login form{display:flex;flex-direction:column;gap:10px}"
      + ".login input{font-size:1rem;padding:4px}.error{color:#a40000;font-weight:bold}"
      + "@media print{form.filter,header a,.noprint{display:none}header{background:none;color:#000;border-bottom:2px solid #000}"
      + "main{max-width:none}h2{break-after:avoid}}";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm");

  private EvaluationHtml() {}

  static String render(EvaluationReport report, String userId) {
    EvaluationQuery query = report.query();
    Map<String, List<Figure>> metrics = report.byMetric();
    StringBuilder html = new StringBuilder();
    html.append("<header><strong>Polku · Arviointi</strong><span>").append(Html.escape(userId))
        .append(" · <a href=\"/evaluation/logout\">Kirjaudu ulos</a></span></header><main>");
    html.append("<h1>Asiakaspolkujen arviointi ").append(query.from().format(DAY)).append("–").append(query.to().format(DAY))
        .append("</h1>");
    html.append("<p class=\"note\">Polku: ").append(Html.escape(query.path().map(Labels.PATHS::get).orElse("kaikki polut")))
        .append(" · Kunta: ").append(Html.escape(query.municipality().orElse("kaikki kunnat")))
        .append(" · Laskettu ").append(report.generatedAt().atZone(ZoneId.of("Europe/Helsinki")).format(TIME))
        .append(" Polun prosessihistoriasta ja kirjauksista.</p>");
    filterForm(html, query);
    html.append("<p class=\"note\">Solut, jotka kuvaavat 1–4 asiakasta, näytetään muodossa <b>&lt; 5</b>, jotta raportin voi jakaa"
        + " tiimin ulkopuolelle tunnistamatta ketään. Kaavioissa ne ovat raidoitettuja. Mittarien määritelmät: docs/evaluation.md.</p>");

    section(html, "clients", metrics, table(metrics.get("clients"), true));
    List<Figure> monthly = metrics.getOrDefault("clients-per-month", List.of());
    section(html, "clients-per-month", metrics, monthlyChart(monthly) + monthlyTable(monthly));
    List<Figure> leadTimes = metrics.getOrDefault("lead-time", List.of());
    section(html, "lead-time", metrics, table(leadTimes, false));
    section(html, "lead-time-distribution", metrics, distributionChart(metrics.getOrDefault("lead-time-distribution", List.of()))
        + table(metrics.get("lead-time-distribution"), false));
    section(html, "sla", metrics, table(metrics.get("sla"), false));
    section(html, "end-state", metrics, table(metrics.get("end-state"), true));
    section(html, "follow-on", metrics, table(metrics.get("follow-on"), true));
    section(html, "outcome", metrics, outcomeChart(metrics.getOrDefault("outcome", List.of())) + table(metrics.get("outcome"), false));
    section(html, "satisfaction", metrics, table(metrics.get("satisfaction"), false));
    section(html, "work-ability-change", metrics, changeChart(metrics.getOrDefault("work-ability-change", List.of()))
        + table(metrics.get("work-ability-change"), false));
    section(html, "invitation-response", metrics, table(metrics.get("invitation-response"), false));
    for (String metric : new String[] {"unaccounted", "onward-referrals", "onward-acceptance"}) {
      section(html, metric, metrics, table(metrics.get(metric), false));
    }
    for (String metric : new String[] {"supported-employment", "supported-employment-time", "supported-employment-kykyviisari"}) {
      section(html, metric, metrics, table(metrics.get(metric), false));
    }
    html.append("<p class=\"noprint\"><a href=\"/evaluation?").append(queryString(query))
        .append("&amp;format=csv\">Lataa luvut CSV-tiedostona (Excel)</a> · Tulosta tai tallenna PDF:ksi selaimen tulostuksella.</p>");
    return html.append("</main>").toString();
  }

  private static void filterForm(StringBuilder html, EvaluationQuery query) {
    html.append("<form class=\"filter\" method=\"get\" action=\"/evaluation\">")
        .append("<label>Alkaen <input type=\"date\" name=\"from\" value=\"").append(query.from()).append("\"></label>")
        .append("<label>Päättyen <input type=\"date\" name=\"to\" value=\"").append(query.to()).append("\"></label>")
        .append("<label>Polku <select name=\"path\"><option value=\"\">Kaikki polut</option>");
    for (String path : EvaluationQuery.PATHS) {
      html.append("<option value=\"").append(path).append("\"").append(query.path().filter(path::equals).isPresent() ? " selected" : "")
          .append(">").append(Html.escape(Labels.PATHS.get(path))).append("</option>");
    }
    html.append("</select></label><label>Kunta <input name=\"municipality\" value=\"")
        .append(Html.escape(query.municipality().orElse(""))).append("\" placeholder=\"kaikki\"></label>")
        .append("<button type=\"submit\">Päivitä</button></form>");
  }

  private static String queryString(EvaluationQuery query) {
    return "from=" + query.from() + "&amp;to=" + query.to() + query.path().map(path -> "&amp;path=" + path).orElse("")
        + query.municipality().map(m -> "&amp;municipality=" + java.net.URLEncoder.encode(m, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
  }

  private static void section(StringBuilder html, String metric, Map<String, List<Figure>> metrics, String content) {
    if (!metrics.containsKey(metric)) {
      return;
    }
    html.append("<section id=\"").append(metric).append("\"><h2>").append(Html.escape(Labels.METRICS.get(metric)))
        .append("</h2>").append(content).append("</section>");
  }

  /** A table with a row per (path, category) and a column per statistic. */
  static String table(List<Figure> figures, boolean pathColumn) {
    if (figures == null || figures.isEmpty()) {
      return "<p class=\"note\">Ei lukuja.</p>";
    }
    Map<String, Map<String, Figure>> rows = new LinkedHashMap<>();
    Set<String> statistics = new LinkedHashSet<>();
    for (Figure figure : figures) {
      rows.computeIfAbsent(figure.path() + "\u0000" + figure.category(), key -> new LinkedHashMap<>()).put(figure.statistic(), figure);
      statistics.add(figure.statistic());
    }
    StringBuilder html = new StringBuilder("<table><thead><tr>");
    if (pathColumn) {
      html.append("<th>Polku</th>");
    }
    html.append("<th>").append(pathColumn ? "Luokka" : "Mittari").append("</th>");
    statistics.forEach(statistic -> html.append("<th>").append(Html.escape(statisticName(statistic))).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (Map<String, Figure> row : rows.values()) {
      Figure first = row.values().iterator().next();
      html.append("<tr>");
      if (pathColumn) {
        html.append("<td>").append(Html.escape(Labels.PATHS.get(first.path()))).append("</td>");
      }
      html.append("<td>").append(Html.escape(first.categoryName())).append("</td>");
      statistics.forEach(statistic -> html.append(cell(row.get(statistic))));
      html.append("</tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  private static String statisticName(String statistic) {
    String name = Labels.STATISTICS.get(statistic);
    if (name != null) {
      return "share".equals(statistic) ? name + " %" : name;
    }
    return statistic + " pv";
  }

  private static String cell(Figure figure) {
    if (figure == null) {
      return "<td></td>";
    }
    Object shown = figure.shown();
    if (figure.suppressed()) {
      return "<td class=\"num suppressed\">&lt; 5</td>";
    }
    String text = shown == null ? "–" : shown instanceof Double number
        ? String.format(java.util.Locale.ROOT, "%.1f", number).replace('.', ',') : shown.toString();
    return "<td class=\"num\">" + text + "</td>";
  }

  private static String monthlyChart(List<Figure> monthly) {
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

  private static String monthlyTable(List<Figure> monthly) {
    Map<String, Map<String, Figure>> rows = new LinkedHashMap<>();
    Set<String> paths = new LinkedHashSet<>();
    for (Figure figure : monthly) {
      rows.computeIfAbsent(figure.category(), month -> new LinkedHashMap<>()).put(figure.path(), figure);
      paths.add(figure.path());
    }
    StringBuilder html = new StringBuilder("<table><thead><tr><th>Kuukausi</th>");
    paths.forEach(path -> html.append("<th>").append(Html.escape(Labels.PATHS.get(path))).append("</th>"));
    html.append("</tr></thead><tbody>");
    rows.forEach((month, byPath) -> {
      html.append("<tr><td>").append(YearMonth.parse(month).format(DateTimeFormatter.ofPattern("M/yyyy"))).append("</td>");
      paths.forEach(path -> html.append(cell(byPath.get(path))));
      html.append("</tr>");
    });
    return html.append("</tbody></table>").toString();
  }

  private static String distributionChart(List<Figure> distribution) {
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

  private static String outcomeChart(List<Figure> outcomes) {
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

  private static String changeChart(List<Figure> changes) {
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
