package fi.polku.privacy;

import fi.polku.cases.ModelName;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.PersonalIdentityCode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Polku holds on one client, for the client's own request (GDPR art. 15), and the removal of
 * a case's records once its retention has ended (art. 5(1)(e)): the same rows, found the same way.
 */
@Service
class DataSubjectRecords {

  private final ClientRecords records;
  private final ClientCaseService cases;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration retention;

  DataSubjectRecords(ClientRecords records, ClientCaseService cases, HistoryService history, RuntimeService runtime,
      JdbcTemplate jdbc, Clock clock, @Value("${polku.privacy.case-retention:P1095D}") Duration retention) {
    this.records = records;
    this.cases = cases;
    this.history = history;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = retention;
  }

  /** The export: the client, every row of every case of theirs, and the engine's history of those cases. */
  record Export(Instant exportedAt, String exportedBy, Map<String, Object> client, List<String> caseNumbers,
      Map<String, List<Map<String, Object>>> records, List<Map<String, Object>> processHistory) {}

  /** Everything on the client of this identity code; empty when Polku holds nothing on them. */
  @Transactional
  Optional<Export> exportOf(PersonalIdentityCode identityCode, String exportedBy) {
    List<String> caseNumbers = cases.caseNumbersOf(identityCode);
    if (caseNumbers.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>(records.ofCases(caseNumbers));
    Object clientId = rows.get("client_case").get(0).get("client_id");
    Map<String, Object> client = new LinkedHashMap<>(jdbc.queryForMap(
        "select id, temporary_identity, display_name, email, phone, created_at from client where id = ?", clientId));
    client.put("identity_code", identityCode.value());
    List<Map<String, Object>> processes = new ArrayList<>();
    for (String caseNumber : caseNumbers) {
      for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().list()) {
        processes.add(process(caseNumber, instance));
      }
    }
    Instant now = clock.instant();
    for (String caseNumber : caseNumbers) {
      jdbc.update("insert into privacy_request (kind, case_number, requested_by, requested_at, rows_affected)"
          + " values ('export', ?, ?, ?, ?)", caseNumber, exportedBy, Timestamp.from(now),
          rows.values().stream().mapToInt(List::size).sum());
    }
    return Optional.of(new Export(now, exportedBy, client, caseNumbers, rows, processes));
  }

  private Map<String, Object> process(String caseNumber, HistoricProcessInstance instance) {
    Map<String, Object> process = new LinkedHashMap<>();
    process.put("case_number", caseNumber);
    process.put("process", instance.getProcessDefinitionKey());
    process.put("started_at", instant(instance.getStartTime()));
    process.put("started_by", instance.getStartUserId());
    process.put("ended_at", instant(instance.getEndTime()));
    process.put("end_step", instance.getEndActivityId());
    process.put("steps", history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .filter(step -> step.getActivityName() != null)
        .map(step -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("step", ModelName.shown(step.getActivityName()));
          row.put("started_at", instant(step.getStartTime()));
          row.put("ended_at", instant(step.getEndTime()));
          row.put("done_by", step.getAssignee());
          return row;
        }).toList());
    process.put("data", history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .disableCustomObjectDeserialization().list().stream()
        .filter(variable -> variable.getValue() != null)
        .map(variable -> Map.of("name", variable.getName(), "value", String.valueOf(variable.getValue()))).toList());
    return process;
  }

  /**
   * Removes the records of every case whose retention has ended: no process of the case runs, the
   * engine's history cleanup has removed its history (the engine's removal time is the same three
   * years after the end), and the case was opened longer ago than the retention. The number of
   * cases removed; the audit keeps only how many and when.
   */
  @Transactional
  int removeExpired() {
    Instant now = clock.instant();
    List<String> candidates = jdbc.queryForList("select case_number from client_case where opened_at < ?",
        String.class, Timestamp.from(now.minus(retention)));
    int removed = 0;
    int rows = 0;
    for (String caseNumber : candidates) {
      boolean running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count() > 0;
      boolean historyKept = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .count() > 0;
      if (running || historyKept) {
        continue;
      }
      jdbc.update("delete from privacy_request where case_number = ?", caseNumber);
      rows += records.deleteCase(caseNumber);
      removed++;
    }
    if (removed > 0) {
      jdbc.update("insert into privacy_request (kind, case_number, requested_by, requested_at, rows_affected)"
          + " values ('removal', null, 'retention', ?, ?)", Timestamp.from(now), rows);
    }
    return removed;
  }

  private static Instant instant(java.util.Date date) {
    return date == null ? null : date.toInstant();
  }
}
