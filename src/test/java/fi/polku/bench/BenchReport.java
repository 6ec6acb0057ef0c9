package fi.polku.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.boot.SpringBootVersion;
import org.springframework.jdbc.core.JdbcTemplate;

/** The benchmark's table: figures with their spread and goal, the machine and versions; printed and written. */
final class BenchReport {

  /**
   * One figure: the median over rounds (or over calls, for latencies) with its min–max spread.
   *
   * @param met null when the figure has no goal or could not be measured
   */
  record Row(String section, String figure, String unit, Double median, Double min, Double max, int samples,
      String goal, Boolean met, String note) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> environment = new LinkedHashMap<>();
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final Instant started = Instant.now();

  BenchReport(BenchSettings given, JdbcTemplate jdbc) {
    Runtime runtime = Runtime.getRuntime();
    environment.put("cores", runtime.availableProcessors());
    environment.put("memoryTotalMiB", memTotalMiB());
    environment.put("jvmMaxHeapMiB", runtime.maxMemory() / (1024 * 1024));
    environment.put("cpu", cpuModel());
    environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    environment.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    environment.put("camunda", ProductPropertiesUtil.getProductVersion());
    environment.put("springBoot", SpringBootVersion.getVersion());
    environment.put("database", jdbc.queryForObject("select version()", String.class));
    environment.put("databaseName", jdbc.queryForObject("select current_database()", String.class));
    environment.put("jvmArguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(argument -> argument.startsWith("-X")).toList()));
    settings.putAll(new ObjectMapper().convertValue(given, Map.class));
  }

  void add(Row row) {
    rows.add(row);
    System.out.println("[bench] " + line(row));
  }

  /** A figure measured once per round. */
  void add(String section, String figure, String unit, Samples samples, String goal, Boolean met, String note) {
    add(new Row(section, figure, unit, round(samples.median()), round(samples.min()), round(samples.max()),
        samples.size(), goal, met, note));
  }

  /** A figure that this build cannot measure, with the reason. */
  void unavailable(String section, String figure, String goal, String why) {
    add(new Row(section, figure, "", null, null, null, 0, goal, null, why));
  }

  List<Row> rows() {
    return rows;
  }

  /** Prints the table and writes results.md and results.json into the directory. */
  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    String markdown = markdown();
    System.out.println(markdown);
    Files.writeString(directory.resolve("results.md"), markdown, StandardCharsets.UTF_8);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("started", started.toString());
    json.put("durationSeconds", Duration.between(started, Instant.now()).toSeconds());
    json.put("environment", environment);
    json.put("settings", settings);
    json.put("results", rows);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("results.json").toFile(), json);
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# Polku benchmark results\n\n");
    md.append("Run ").append(started).append(", ").append(Duration.between(started, Instant.now()).toSeconds())
        .append(" s.\n\n");
    environment.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
    md.append("- settings: ").append(settings).append("\n\n");
    md.append("| section | figure | median | spread (min–max) | n | goal | met |\n");
    md.append("| --- | --- | ---: | --- | ---: | --- | --- |\n");
    for (Row row : rows) {
      md.append("| ").append(row.section()).append(" | ").append(row.figure())
          .append(row.note() == null ? "" : " <br><sub>" + row.note() + "</sub>")
          .append(" | ").append(row.median() == null ? "n/a" : fmt(row.median()) + " " + row.unit())
          .append(" | ").append(row.min() == null ? "" : fmt(row.min()) + "–" + fmt(row.max()))
          .append(" | ").append(row.samples())
          .append(" | ").append(row.goal() == null ? "" : row.goal())
          .append(" | ").append(row.met() == null ? (row.goal() == null ? "" : "not measured") : row.met() ? "met" : "NOT met")
          .append(" |\n");
    }
    return md.toString();
  }

  private static String line(Row row) {
    return row.section() + " / " + row.figure() + ": " + (row.median() == null ? "n/a (" + row.note() + ")"
        : fmt(row.median()) + " " + row.unit() + (row.min() == null ? "" : " [" + fmt(row.min()) + "–" + fmt(row.max()) + "]"))
        + (row.met() == null ? "" : row.met() ? " (goal met)" : " (goal NOT met)");
  }

  private static String fmt(double value) {
    return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static Double round(double value) {
    return Double.isNaN(value) ? null : Math.round(value * 1000) / 1000.0;
  }

  private static long memTotalMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return -1;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
