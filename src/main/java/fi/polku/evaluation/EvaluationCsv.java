package fi.polku.evaluation;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The evaluation as one CSV table for Excel in Finnish: a byte-order mark so Excel reads UTF-8
 * (ä, ö), semicolons as separators and decimal commas, as Finnish Excel expects.
 */
final class EvaluationCsv {

  private EvaluationCsv() {}

  /** The report as a CSV download named by its period. */
  static ResponseEntity<byte[]> download(EvaluationReport report) {
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"polku-arviointi-" + report.query().from() + "-"
            + report.query().to() + ".csv\"")
        .body(write(report));
  }

  static byte[] write(EvaluationReport report) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append("mittari;mittarin nimi;polku;polun nimi;luokka;luokan nimi;tunnusluku;arvo\r\n");
    for (Figure figure : report.figures()) {
      csv.append(field(figure.metric())).append(';')
          .append(field(Labels.METRICS.get(figure.metric()))).append(';')
          .append(field(figure.path())).append(';')
          .append(field(Labels.PATHS.get(figure.path()))).append(';')
          .append(field(figure.category())).append(';')
          .append(field(figure.categoryName())).append(';')
          .append(field(figure.statistic())).append(';')
          .append(field(value(figure.shown()))).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String value(Object shown) {
    if (shown == null) {
      return "";
    }
    return shown instanceof Double number ? String.valueOf(number).replace('.', ',') : shown.toString();
  }

  /** Quotes a field when it holds a separator, a quote or a line break; also stops formula injection. */
  private static String field(String value) {
    if (value == null) {
      return "";
    }
    String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(,\\d+)?") ? "'" + value : value;
    return text.matches(".*[;\"\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
