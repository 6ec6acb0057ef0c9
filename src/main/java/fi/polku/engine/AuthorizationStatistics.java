package fi.polku.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, gives the planner statistics on the permission bits that every
 * authorization-checked query tests ({@code PERMS_ & 2 = 2}). Without them PostgreSQL guesses that
 * a group's task grants are a few dozen rows when they are one per open task, and joins them to the
 * tasks in a nested loop: at 100 000 open tasks a Tasklist filter's count took 13 s instead of
 * 0.15 s (docs/performance.md). Camunda creates its tables itself, after Flyway, so this runs once
 * the engine is built; it is idempotent. Nothing to do on H2.
 *
 * <p>It also creates {@link #TASK_GRANTS_INDEX}: the grants a Tasklist query can use (grants and
 * global authorizations on tasks and process definitions), so that the query's per-task probe for
 * {@code '*'} no longer reads the administrators' and other resources' wildcard grants
 * (docs/performance.md, "Tasklist query": count 77–100 ms → 46–54 ms at 20 000 tasks).
 */
@Component
public class AuthorizationStatistics extends AbstractProcessEnginePlugin {

  /** Name of the statistics object; the benchmark drops and recreates it to measure what it buys. */
  public static final String NAME = "polku_auth_perms";

  /** The statement that creates it (PostgreSQL 14 or newer: statistics on expressions). */
  public static final String CREATE = "create statistics if not exists " + NAME
      + " on (perms_ & 2), (perms_ & 64) from act_ru_authorization";

  /** The partial index on the grants a task query's authorization check reads. */
  public static final String TASK_GRANTS_INDEX = "polku_auth_task_grants";

  /** The statement that creates it (the predicate is implied by the engine's check, type_ < 2 and types 6, 7). */
  public static final String CREATE_TASK_GRANTS_INDEX = "create index if not exists " + TASK_GRANTS_INDEX
      + " on act_ru_authorization (resource_id_) where type_ < 2 and resource_type_ in (6, 7)";

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

  private final DataSource dataSource;

  AuthorizationStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
          || connection.getMetaData().getDatabaseMajorVersion() < 14) {
        return;
      }
      statement.execute(CREATE);
      statement.execute(CREATE_TASK_GRANTS_INDEX);
      statement.execute("analyze act_ru_authorization");
    } catch (SQLException e) {
      // A missing statistic makes Tasklist slow, never wrong: start anyway and say so.
      LOG.warn("Could not create the planner statistics or index on act_ru_authorization: {}", e.getMessage());
    }
  }
}
