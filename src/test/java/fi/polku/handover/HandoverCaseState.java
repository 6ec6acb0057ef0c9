package fi.polku.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a hand-over just taken in leaves behind, whichever way it came in: our rows for the case and
 * the process instance's waiting steps and variables, with the case number and hand-over id (which
 * differ from case to case) checked and then left out, so that two ways in can be compared whole.
 */
final class HandoverCaseState {

  private HandoverCaseState() {}

  static Map<String, Object> of(JdbcTemplate jdbc, RuntimeService runtimeService, String caseNumber) {
    Map<String, Object> state = new TreeMap<>();
    Map<String, Object> handover = jdbc.queryForMap("select id, provider, employer, employment_end_date, started_by,"
        + " in_target_group from handover where case_number = ?", caseNumber);
    long handoverId = ((Number) handover.remove("id")).longValue();
    state.put("handover", lowerCase(handover));
    state.put("case", lowerCase(jdbc.queryForMap("select c.municipality, c.opened_by, c.opened_by_agency, c.language,"
        + " k.display_name, k.email, k.phone, k.temporary_identity from client_case c join client k on k.id = c.client_id"
        + " where c.case_number = ?", caseNumber)));
    state.put("mails", jdbc.queryForObject("select count(*) from mail_outbox where case_number = ?", Integer.class,
        caseNumber));
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(OhHandoverModel.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(instance).as("one oh-handover for " + caseNumber).isNotNull();
    state.put("waitingAt", runtimeService.getActiveActivityIds(instance.getId()));
    Map<String, Object> variables = new TreeMap<>(runtimeService.getVariables(instance.getId()));
    assertThat(variables.remove(OhHandoverModel.CASE_NUMBER)).isEqualTo(caseNumber);
    assertThat(variables.remove(OhHandoverModel.HANDOVER_ID)).isEqualTo(handoverId);
    state.put("variables", variables);
    return state;
  }

  /** A row by its column names as written in the query (H2 reports them in upper case, PostgreSQL in lower). */
  private static Map<String, Object> lowerCase(Map<String, Object> row) {
    Map<String, Object> named = new TreeMap<>();
    row.forEach((column, value) -> named.put(column.toLowerCase(java.util.Locale.ROOT), value));
    return named;
  }
}
