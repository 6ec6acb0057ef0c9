package fi.polku.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts drawn on the server as inline SVG: no scripts, no front-end build, and they print
 * as sharply as the text around them. A suppressed value ("< 5") is a short hatched bar with the
 * text "< 5", so the chart never shows what the table hides.
 */
final class SvgCharts {

  /** A series of bars: one value per category, each a figure (value, suppression). */
  record Series(String name, List<Figure> values) {}

  private static final String[] COLOURS = {"#1b5e9b", "#e08a00", "#2e8b57", "#8e44ad", "#c0392b", "#5d6d7e"};
  private static final int LEFT = 48;
  private static final int TOP = 16;
  private static final int PLOT_HEIGHT = 170;

  private SvgCharts() {}

  /** Bars grouped by category, one colour per series, with a legend; {@code unit} labels the y axis. */
  static String groupedBars(String title, List<String> categories, List<Series> series, String unit) {
    double max = 0;
    for (Series one : series) {
      for (Figure figure : one.values()) {
        if (figure != null && !figure.suppressed() && figure.value() != null) {
          max = Math.max(max, figure.value());
        }
      }
    }
    double top = niceTop(Math.max(max, Figure.SMALL_NUMBER_LIMIT));
    int groupWidth = Math.max(18, Math.min(90, 660 / Math.max(1, categories.size())));
    int barWidth = Math.max(4, (groupWidth - 6) / Math.max(1, series.size()));
    int width = LEFT + groupWidth * categories.size() + 20;
    boolean rotate = categories.size() > 8;
    int legendTop = TOP + PLOT_HEIGHT + (rotate ? 44 : 26);
    int svgHeight = legendTop + 20 * ((series.size() + 2) / 3) + 4;
    width = Math.max(width, 8 + 230 * Math.min(3, series.size()));
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">",
        width, svgHeight, width, svgHeight));
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    svg.append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        + "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\" stroke-width=\"3\"/></pattern></defs>");
    for (int tick = 0; tick <= 4; tick++) {
      double value = top * tick / 4;
      double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * tick / 4.0;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, y, width - 10, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
          LEFT - 4, y + 3, format(value)));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"10\">%s</text>", TOP - 4, Html.escape(unit)));
    for (int c = 0; c < categories.size(); c++) {
      int x0 = LEFT + c * groupWidth + 3;
      for (int s = 0; s < series.size(); s++) {
        Figure figure = c < series.get(s).values().size() ? series.get(s).values().get(c) : null;
        int x = x0 + s * barWidth;
        if (figure == null || figure.value() == null && !figure.suppressed()) {
          continue;
        }
        String label = figure.suppressed() ? Figure.SUPPRESSED : format(figure.value());
        double height = figure.suppressed() ? PLOT_HEIGHT * (Figure.SMALL_NUMBER_LIMIT / 2.0) / top
            : PLOT_HEIGHT * figure.value() / top;
        double y = TOP + PLOT_HEIGHT - height;
        svg.append(String.format(Locale.ROOT,
            "<rect class=\"bar%s\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\"><title>%s – %s: %s</title></rect>",
            figure.suppressed() ? " suppressed" : "", x, y, barWidth - 1, height,
            figure.suppressed() ? "url(#hatch)" : COLOURS[s % COLOURS.length], COLOURS[s % COLOURS.length],
            Html.escape(series.get(s).name()), Html.escape(categories.get(c)), Html.escape(label)));
        if (figure.suppressed() || series.size() * categories.size() <= 24) {
          svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\">%s</text>",
              x + (barWidth - 1) / 2.0, y - 2, Html.escape(label)));
        }
      }
      double labelX = x0 + (groupWidth - 6) / 2.0;
      int labelY = TOP + PLOT_HEIGHT + 14;
      svg.append(rotate
          ? String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-45 %.1f %d)\">%s</text>",
              labelX, labelY, labelX, labelY, Html.escape(categories.get(c)))
          : String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
              labelX, labelY, Html.escape(shorten(categories.get(c), groupWidth / 6))));
    }
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
        LEFT, TOP + PLOT_HEIGHT, width - 10, TOP + PLOT_HEIGHT));
    for (int s = 0; s < series.size(); s++) {
      int x = 8 + (s % 3) * 230;
      int y = legendTop + (s / 3) * 20;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, y, COLOURS[s % COLOURS.length]));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", x + 16, y + 10,
          Html.escape(shorten(series.get(s).name(), 36))));
    }
    return svg.append("</svg>").toString();
  }

  private static String shorten(String text, int length) {
    return text.length() <= Math.max(length, 4) ? text : text.substring(0, Math.max(length, 4) - 1) + "…";
  }

  /** The top of the y axis: four equal steps of 1, 2 or 5 times a power of ten, at least 1. */
  private static double niceTop(double max) {
    double raw = max / 4;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = 10 * magnitude;
    for (double candidate : new double[] {1, 2, 5, 10}) {
      if (candidate * magnitude >= raw) {
        step = candidate * magnitude;
        break;
      }
    }
    return 4 * Math.max(1, step);
  }

  private static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
  }
}
