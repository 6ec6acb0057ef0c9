package fi.polku.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.polku.support.PostgresSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL Polku's connections plan the Tasklist's authorization-checked queries with what
 * docs/performance.md ("Tasklist query") measured: the partial index on task grants, the statistics
 * on the permission bits, and the planner settings of application-postgres.yaml.
 */
class TasklistQuerySettingsIT extends PostgresSpringTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theConnectionsAndTheAuthorizationTableAreSetUpForTheTasklistQuery() {
    assertThat(jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
    assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    assertThat(jdbc.queryForObject("select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
        + " where c.relname = ? and i.indisvalid", Integer.class, AuthorizationStatistics.TASK_GRANTS_INDEX)).isOne();
    assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?", Integer.class,
        AuthorizationStatistics.NAME)).isOne();
  }
}
