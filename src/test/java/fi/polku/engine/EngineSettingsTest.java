package fi.polku.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine settings of issue 19 cost nothing in behaviour: after start-up and the demo (made-up
 * clients driven through every path, as staff and the other agencies' systems would), no revoke
 * authorization exists, so {@code authorizationCheckRevokes: never} hides nothing from anyone; and
 * the history rows left out are ones nothing reads, while the ones Polku reads are written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:polku-engine-settings;DB_CLOSE_DELAY=-1",
    "polku.demo-data.enabled=true", "polku.demo-data.clients=40"})
@ActiveProfiles("test")
class EngineSettingsTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void afterStartUpAndTheDemoNoRevokeExistsAndOnlyUnreadHistoryIsLeftOut() throws Exception {
    awaitTheDemo();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .as("the demo drove clients through the paths").isPositive();

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
    assertThat(configuration.isStandaloneTasksEnabled()).isFalse();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count())
        .as("revoke authorizations (authorizationCheckRevokes=never would ignore them)").isZero();
    assertThat(count("select count(*) from act_ru_authorization where type_ = 2")).isZero();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).count()).isPositive();

    // Left out: rows nothing reads.
    assertThat(count("select count(*) from act_hi_detail")).as("ACT_HI_DETAIL").isZero();
    assertThat(count("select count(*) from act_hi_identitylink")).as("ACT_HI_IDENTITYLINK").isZero();
    assertThat(count("select count(*) from act_hi_job_log where job_state_ <> 1"))
        .as("job log rows other than failures").isZero();
    // Written: what the evaluation, the case page, the hand-over and the audit read.
    for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
        "act_hi_op_log", "act_hi_decinst")) {
      assertThat(count("select count(*) from " + table)).as(table).isPositive();
    }
  }

  private void awaitTheDemo() throws InterruptedException {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("polku-demo-data")) {
        thread.join(300_000);
      }
    }
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
