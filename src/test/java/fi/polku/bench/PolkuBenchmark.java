package fi.polku.bench;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark of issue 9 with its full numbers: run by {@code bench/run} ({@code mvn -Pbench
 * verify} on the database polku_bench), never by the normal test run. Writes target/bench/results.md
 * and results.json; docs/performance.md explains the method and the figures.
 */
class PolkuBenchmark extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
      .withPerMethodLifecycle(false);

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  void benchmark() throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    Path output = Path.of(System.getProperty("bench.output", "target/bench"));
    BenchReport report = new BenchReport(settings, jdbc);
    PolkuBench bench = new PolkuBench(engine, jdbc, new HttpTestClient(port), settings, report,
        new PolkuBench.Credentials("te-system", SYSTEM_PASSWORD, ADMIN, ADMIN_PASSWORD), output);
    try {
      bench.runAll(false);
    } finally {
      report.write(output);
    }
  }
}
