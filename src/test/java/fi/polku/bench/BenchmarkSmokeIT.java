package fi.polku.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's code on tiny numbers inside the normal suite, so it cannot rot: every part runs
 * and writes its table; the rows it cloned in SQL are removed again.
 */
class BenchmarkSmokeIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  void theBenchmarkRunsOnTinyNumbersAndWritesItsTable() throws Exception {
    Path output = Path.of("target/bench-smoke");
    BenchReport report = new BenchReport(BenchSettings.tiny(), jdbc);
    PolkuBench bench = new PolkuBench(engine, jdbc, new HttpTestClient(port), BenchSettings.tiny(), report,
        new PolkuBench.Credentials("te-system", SYSTEM_PASSWORD, ADMIN, ADMIN_PASSWORD), output);

    java.util.Date began = new java.util.Date(System.currentTimeMillis() - 1000);
    try {
      bench.runAll(true);
    } finally {
      report.write(output);
      endWhatItLeftRunning(began);
    }

    assertThat(Files.readString(output.resolve("results.md"))).contains("ratio b/a", "cores", "PostgreSQL");
    assertThat(Files.readString(output.resolve("results.json"))).contains("\"results\"");
    assertThat(report.rows()).extracting(BenchReport.Row::figure).anyMatch(f -> f.startsWith("Tasklist filter"))
        .anyMatch(f -> f.startsWith("history cleanup")).anyMatch(f -> f.contains("cohort import"))
        .as("the evaluation report was measured over the clones").anyMatch(f -> f.startsWith("evaluation report") && f.contains("years"));
    assertThat(jdbc.queryForObject("select count(*) from client_case where case_number like 'TK-B-%'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_task where id_ like 'bench-%'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where id_ like 'bench-%'", Long.class)).isZero();
    endWhatItLeftRunning(began);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().startedAfter(began).unfinished().count())
        .as("instances the smoke test left running").isZero();
  }

  /**
   * The cohort's invitations and the Tasklist seeds wait with jobs (timers, save points) that
   * another IT on this database might run ("run every job"), so the smoke test ends them.
   */
  private void endWhatItLeftRunning(java.util.Date began) {
    java.util.List<String> running = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .startedAfter(began).unfinished().list().stream().map(instance -> instance.getId()).toList();
    if (!running.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstancesIfExists(running, "benchmark smoke test", true, true, true);
    }
  }

  @Test
  void eachBaselineHasItsPathsShape() {
    for (String key : new String[] {"te-referral", "health-check-invitation", "oh-handover"}) {
      assertThat(shape("bench/" + key + "-baseline.bpmn")).as(key).isEqualTo(shape("processes/" + key + ".bpmn"));
    }
  }

  /** How many elements of each kind, and how many of them are save points. */
  private Map<String, Long> shape(String resource) {
    BpmnModelInstance model = Bpmn.readModelFromStream(getClass().getClassLoader().getResourceAsStream(resource));
    Map<String, Long> shape = model.getModelElementsByType(FlowNode.class).stream()
        .collect(Collectors.groupingBy(node -> node.getElementType().getTypeName(), Collectors.counting()));
    shape.put("asyncBefore", model.getModelElementsByType(FlowNode.class).stream()
        .filter(node -> "true".equals(node.getAttributeValueNs(CAMUNDA, "asyncBefore"))).count());
    shape.put("asyncAfter", model.getModelElementsByType(FlowNode.class).stream()
        .filter(node -> "true".equals(node.getAttributeValueNs(CAMUNDA, "asyncAfter"))).count());
    return shape;
  }
}
