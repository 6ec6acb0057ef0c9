package fi.polku.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The statistics, the small-number rule and the CSV and SVG outputs, without a database. */
class EvaluationFiguresTest {

  @Test
  void medianAveragesTheMiddleTwoAndP90IsTheNearestRank() {
    assertThat(of(6, 1, 2, 3, 2, 4).median()).isEqualTo(2.5);
    assertThat(of(7, 1, 3).median()).isEqualTo(3.0);
    assertThat(of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).percentile(90)).isEqualTo(9.0);
    assertThat(of(4, 5, 7, 7, 10).percentile(90)).isEqualTo(10.0);
    assertThat(of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20).percentile(90))
        .isEqualTo(18.0);
    assertThat(of(7, 8, 10).mean()).isEqualTo(25 / 3.0);
    assertThat(of().median()).isNull();
    assertThat(of().percentile(90)).isNull();
  }

  private static Histogram of(int... values) {
    Histogram histogram = new Histogram(0);
    for (int value : values) {
      histogram.add(value);
    }
    return histogram;
  }

  @Test
  void aHistogramCountsRangesAndValuesBelowZero() {
    Histogram days = of(6, 1, 2, 3, 2, 4);
    assertThat(days.median()).isEqualTo(2.5);
    assertThat(days.percentile(90)).isEqualTo(6.0);
    assertThat(days.between(1, 2)).isEqualTo(3);
    assertThat(days.between(5, Integer.MAX_VALUE - 1)).isEqualTo(1);
    Histogram changes = new Histogram(-48);
    for (int value : new int[] {-6, -2, 0, 3, 1000}) {
      changes.add(value);
    }
    assertThat(changes.median()).isEqualTo(0.0);
    assertThat(changes.percentile(90)).isEqualTo(1000.0);
    assertThat(changes.mean()).isEqualTo(199.0);
    assertThat(new Histogram(0).median()).isNull();
  }

  @Test
  void oneToFourClientsAreShownAsLessThanFiveAndZeroAsZero() {
    assertThat(Figure.count("clients", "te-referral", "api", "API", 4).shown()).isEqualTo("< 5");
    assertThat(Figure.count("clients", "te-referral", "api", "API", 1).shown()).isEqualTo("< 5");
    assertThat(Figure.count("clients", "te-referral", "api", "API", 5).shown()).isEqualTo(5L);
    assertThat(Figure.count("clients", "te-referral", "api", "API", 0).shown()).isEqualTo(0L);
    // A median over four clients describes them too.
    assertThat(new Figure("lead-time", "te-referral", "x", "x", "median", 12.0, 4).shown()).isEqualTo("< 5");
    assertThat(new Figure("lead-time", "te-referral", "x", "x", "median", 2.5, 6).shown()).isEqualTo(2.5);
    assertThat(new Figure("satisfaction", "te-referral", "x", "x", "mean", 8.0, 6).shown()).isEqualTo(8.0);
    assertThat(new Figure("lead-time", "te-referral", "x", "x", "median", null, 0).shown()).isNull();
  }

  @Test
  void theCsvOpensInFinnishExcelWithItsLettersAndHidesSmallCells() {
    EvaluationReport report = new EvaluationReport(
        new EvaluationQuery(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), Optional.empty(), Optional.empty()),
        Instant.parse("2026-07-01T08:00:00Z"), List.of(
            new Figure("lead-time", "te-referral", "referral-to-triage", "Lähete → ohjauksen vahvistus", "median", 2.5, 12),
            Figure.count("clients", "oh-handover", "total", "Yhteensä", 3),
            Figure.count("follow-on", "te-referral", "=cmd", "=HYPERLINK(\"x\"); ok", 7)));
    byte[] bytes = EvaluationCsv.write(report);
    assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertThat(lines[0]).isEqualTo("mittari;mittarin nimi;polku;polun nimi;luokka;luokan nimi;tunnusluku;arvo");
    assertThat(lines[1]).endsWith(";referral-to-triage;Lähete → ohjauksen vahvistus;median;2,5");
    assertThat(lines[2]).endsWith(";total;Yhteensä;count;< 5");
    // A cell that a spreadsheet would run as a formula is made text, and a separator inside is quoted.
    assertThat(lines[3]).contains(";'=cmd;\"'=HYPERLINK(\"\"x\"\"); ok\";count;7");
  }

  @Test
  void aChartDrawsHiddenBarsHatchedWithLessThanFiveAndEscapesItsText() {
    String svg = SvgCharts.groupedBars("Kaavio <testi>", List.of("Tammi", "Helmi"), List.of(
        new SvgCharts.Series("Polku & toinen", List.of(Figure.count("m", "p", "1", "1", 12), Figure.count("m", "p", "2", "2", 3)))),
        "asiakasta");
    assertThat(svg).startsWith("<svg class=\"chart\"").endsWith("</svg>");
    assertThat(svg).contains("<title>Kaavio &lt;testi&gt;</title>").contains("Polku &amp; toinen");
    assertThat(svg).containsOnlyOnce("class=\"bar suppressed\"").contains("url(#hatch)").contains(">&lt; 5</text>");
    assertThat(svg).contains(">12</text>").doesNotContain(">3</text>");
  }
}
