package fi.polku.healthcheck;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a way into path 2 leaves behind, without what differs by nature (case number, ids, times):
 * the rows the intake wrote, and where the instance stands with which variables. The tests of the
 * path's doors compare these between an API row, a Tasklist start form and a walk-in.
 */
final class HealthCheckDoors {

  private HealthCheckDoors() {}

  /** The case, the client, the health check and the consents the intake recorded for the case. */
  static Map<String, Object> rows(JdbcTemplate jdbc, String caseNumber) {
    Map<String, Object> rows = new TreeMap<>();
    // H2 answers with upper-case column names, PostgreSQL with lower-case ones.
    jdbc.queryForMap("select h.way_in, h.requested_by, h.priority,"
        + " h.booked_at is null as not_booked, h.route, c.municipality, c.opened_by, c.opened_by_agency, c.language,"
        + " cl.display_name, cl.email, cl.phone, cl.temporary_identity"
        + " from health_check h join client_case c on c.case_number = h.case_number join client cl on cl.id = c.client_id"
        + " where h.case_number = ?", caseNumber).forEach((column, value) -> rows.put(column.toLowerCase(Locale.ROOT), value));
    rows.put("agencies", jdbc.queryForList("select agency from case_agency where case_number = ? order by agency",
        String.class, caseNumber));
    rows.put("consents", jdbc.queryForList("select from_agency || '>' || to_agency || ':' || scope from consent"
        + " where case_number = ? order by 1", String.class, caseNumber));
    return rows;
  }

  /** The instance's business key, the steps it waits at, and its variables but the case's own ids. */
  static Map<String, Object> state(RuntimeService runtime, ManagementService management, String caseNumber) {
    String instance = runtime.createProcessInstanceQuery().processDefinitionKey(HealthCheckModel.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult().getId();
    Map<String, Object> state = new TreeMap<>(runtime.getVariables(instance));
    state.remove(HealthCheckModel.CASE_NUMBER);
    state.remove(HealthCheckModel.HEALTH_CHECK_ID);
    state.put("(waiting at)", runtime.getActiveActivityIds(instance));
    state.put("(jobs at)", management.createJobQuery().processInstanceId(instance).list().stream()
        .map(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
            .getActivityId()).sorted().toList());
    return state;
  }

  /** The variables a way in must not leave in the instance: the personal data and the form's screening answers. */
  static final List<String> NOT_LEFT = List.of("identityCode", "clientName", "clientEmail", "clientPhone",
      "municipality", "unemployed", "coveredByOccupationalHealth", "hadHealthCheck", "unemploymentMonths",
      "consentGiven", "language");
}
