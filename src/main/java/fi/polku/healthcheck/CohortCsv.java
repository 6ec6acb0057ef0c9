package fi.polku.healthcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a cohort exported from a spreadsheet: UTF-8 (a BOM is fine), ';' or ',' separated, a header row. */
final class CohortCsv {

  private CohortCsv() {}

  static List<HealthCheckController.CohortRow> parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = Arrays.stream(body.split("\r?\n")).filter(line -> !line.isBlank()).toList();
    if (lines.isEmpty()) {
      return List.of();
    }
    String separator = lines.get(0).contains(";") ? ";" : ",";
    String[] header = lines.get(0).split(separator, -1);
    List<HealthCheckController.CohortRow> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(separator, -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        row.put(header[i].trim(), unquote(cells[i].trim()));
      }
      rows.add(new HealthCheckController.CohortRow(row.get("identityCode"), row.get("name"), row.get("email"),
          row.get("phone"), row.get("municipality"), integer(row.get("unemploymentMonths")),
          bool(row.get("unemployed")), bool(row.get("coveredByOccupationalHealth")),
          integer(row.get("monthsSinceLastHealthCheck")), row.get("wayIn"), row.get("referralReason"),
          row.get("language")));
    }
    return rows;
  }

  private static String unquote(String cell) {
    return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
  }

  private static Integer integer(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean bool(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "kyllä", "k", "1", "yes" -> true;
      case "false", "ei", "e", "0", "no" -> false;
      default -> null;
    };
  }
}
