package fi.polku.bench;

import fi.polku.calendar.WorkingDays;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History at scale: historic process instances cloned in SQL from the referrals the benchmark
 * completed (start and end spread over three years, new ids and business keys), the evaluation
 * report's time through HTTP, and the nightly history cleanup's rate on the clones whose removal
 * time has passed (these also get their activity, task and variable history cloned).
 */
final class HistoryAtScale {

  private static final List<String> DETAIL_TABLES = List.of("act_hi_actinst", "act_hi_taskinst", "act_hi_varinst");

  private final PolkuBench bench;
  private final JdbcTemplate jdbc;

  HistoryAtScale(PolkuBench bench) {
    this.bench = bench;
    this.jdbc = bench.jdbc();
  }

  void run(boolean removeClones) throws Exception {
    seed();
    evaluationReport();
    cleanup();
    if (removeClones) {
      removeClones();
    }
  }

  private void seed() {
    String sources = "select * from act_hi_procinst where proc_def_key_ = 'te-referral' and end_time_ is not null"
        + " and id_ not like 'bench-%'";
    long existing = jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class);
    // Up to the target, and at least the expired ones the cleanup is measured on.
    long clones = Math.max(bench.settings().historicInstances() - existing, bench.settings().cleanupInstances());
    int expired = (int) Math.min(clones, bench.settings().cleanupInstances());
    long began = System.nanoTime();
    // Copy g started g minutes apart going back (about 2 years for a million), ran as long as its source.
    String start = "(now() - (g % 1051200) * interval '1 minute')";
    bench.cloneRows("act_hi_procinst", sources, clones, Map.of(
        "id_", "'bench-h-' || g",
        "proc_inst_id_", "'bench-h-' || g",
        "root_proc_inst_id_", "'bench-h-' || g",
        "business_key_", "'TK-B-' || g",
        "start_time_", start,
        "end_time_", start + " + (s.end_time_ - s.start_time_)",
        "removal_time_", "case when g < " + expired + " then now() - interval '1 day' else " + start
            + " + interval '1095 days' end"));
    // The expired ones carry their source's whole history, so the cleanup deletes a real shape.
    for (String table : DETAIL_TABLES) {
      List<String> columns = bench.columns(table);
      String select = String.join(", ", columns.stream().map(column -> switch (column) {
        case "id_" -> "'bench-' || md5(g || '-' || d.id_)";
        case "proc_inst_id_", "root_proc_inst_id_" -> "'bench-h-' || g";
        case "removal_time_" -> "now() - interval '1 day'";
        default -> "d." + column;
      }).toList());
      jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select
          + PolkuBench.copies(sources, expired) + " join act_hi_procinst c on c.id_ = 'bench-h-' || g"
          + " join " + table + " d on d.proc_inst_id_ = s.id_");
    }
    casesAndSteps(sources, start, clones, expired);
    jdbc.execute("analyze");
    System.out.printf("[bench] seeded %d historic instances (%d cloned, %d expired) in %.1f s%n",
        existing + clones, clones, expired, PolkuBench.seconds(began));
  }

  /**
   * What the evaluation reads of each clone: its client and case (the business key), its referral
   * with the mapping and the follow-up outcomes, and the steps the lead times and the SLA come from.
   * The expired clones got their whole activity history above; the others get only the evaluated
   * steps (a handful of a referral's activity rows), which keeps seeding within minutes.
   */
  private void casesAndSteps(String sources, String start, long clones, int expired) {
    String from = PolkuBench.copies(sources, clones);
    long firstClient = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from client", Long.class);
    long firstReferral = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from referral", Long.class);
    jdbc.update("insert into client (id, identity_hash, identity_encrypted, temporary_identity, created_at)"
        + " select " + firstClient + " + g, md5('bench-client-' || g), k.identity_encrypted, true, now()" + from
        + " join client_case cc on cc.case_number = s.business_key_ join client k on k.id = cc.client_id");
    jdbc.update("insert into client_case (case_number, client_id, municipality, opened_at, opened_by, opened_by_agency)"
        + " select 'TK-B-' || g, " + firstClient + " + g, cc.municipality, " + start + ", cc.opened_by, cc.opened_by_agency"
        + from + " join client_case cc on cc.case_number = s.business_key_");
    List<String> columns = bench.columns("referral");
    Map<String, String> overrides = Map.of("id", firstReferral + " + g", "case_number", "'TK-B-' || g",
        "client_id", firstClient + " + g", "process_instance_id", "'bench-h-' || g",
        "created_at", start, "status_changed_at", start);
    jdbc.update("insert into referral (" + String.join(", ", columns) + ") select "
        + String.join(", ", columns.stream().map(column -> overrides.getOrDefault(column, "r." + column)).toList())
        + from + " join referral r on r.process_instance_id = s.id_");
    jdbc.update("insert into referral_mapping (referral_id, follow_on_paths, case_manager, whodas_flag, whodas_sum,"
        + " recorded_at, recorded_by) select " + firstReferral + " + g, m.follow_on_paths, m.case_manager, m.whodas_flag,"
        + " m.whodas_sum, m.recorded_at, m.recorded_by" + from
        + " join referral r on r.process_instance_id = s.id_ join referral_mapping m on m.referral_id = r.id");
    jdbc.update("insert into referral_outcome (referral_id, months, outcome, satisfaction, recorded_at, recorded_by)"
        + " select " + firstReferral + " + g, o.months, o.outcome, o.satisfaction, o.recorded_at, o.recorded_by" + from
        + " join referral r on r.process_instance_id = s.id_ join referral_outcome o on o.referral_id = r.id");
    List<String> steps = bench.columns("act_hi_actinst");
    jdbc.update("insert into act_hi_actinst (" + String.join(", ", steps) + ") select "
        + String.join(", ", steps.stream().map(column -> switch (column) {
          case "id_" -> "'bench-' || md5(g || '-' || a.id_)";
          case "proc_inst_id_", "root_proc_inst_id_" -> "'bench-h-' || g";
          case "start_time_" -> start + " + (a.start_time_ - s.start_time_)";
          case "end_time_" -> start + " + (a.end_time_ - s.start_time_)";
          case "removal_time_" -> start + " + interval '1095 days'";
          default -> "a." + column;
        }).toList())
        + from + " join act_hi_actinst a on a.proc_inst_id_ = s.id_ and a.act_id_ in ('Task_ConfirmTriage',"
        + " 'Timer_TriageSla', 'Task_RecordMapping', 'Task_ReviewPlan') where g >= " + expired);
  }

  /** GET /api/evaluation over the whole history as an administrator; "not available" where the build has none. */
  private void evaluationReport() {
    var credentials = bench.credentials();
    String path = "/api/evaluation?from=" + LocalDate.now(WorkingDays.FINLAND).minusYears(3) + "&to=" + LocalDate.now(WorkingDays.FINLAND);
    long instances = jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class);
    Samples ms = new Samples();
    for (int call = 0; call < 1 + bench.settings().reportCalls(); call++) {
      long began = System.nanoTime();
      HttpResponse<String> response = bench.http().send(bench.http().request(path, credentials.adminUser(),
          credentials.adminPassword()).GET().build());
      double took = PolkuBench.millis(began);
      if (response.statusCode() == 404) {
        bench.report().unavailable("History at scale", "evaluation report GET /api/evaluation", "< 2 s",
            "not available in this build (404)");
        return;
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      if (call > 0) {
        ms.add(took);
      }
    }
    bench.report().add("History at scale", "evaluation report GET /api/evaluation (3 years)", "ms", ms, "< 2 s",
        ms.median() < 2000, instances + " historic process instances");
  }

  /** The removal-time-based cleanup job run directly, for at most cleanupSeconds. */
  private void cleanup() {
    var engine = bench.engine();
    String expired = "select count(*) from act_hi_procinst where removal_time_ < now()";
    long instancesBefore = jdbc.queryForObject(expired, Long.class);
    long rowsBefore = historyRows();
    engine.getHistoryService().cleanUpHistoryAsync(true);
    long began = System.nanoTime();
    int executions = 0;
    while (PolkuBench.seconds(began) < bench.settings().cleanupSeconds()) {
      List<Job> jobs = engine.getHistoryService().findHistoryCleanupJobs();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
      executions += jobs.size();
      if (historyRows() == 0) {
        break;
      }
    }
    double took = PolkuBench.seconds(began);
    long instancesRemoved = instancesBefore - jdbc.queryForObject(expired, Long.class);
    long rowsRemoved = rowsBefore - historyRows();
    double rowsPerInstance = instancesBefore == 0 ? 1 : (double) rowsBefore / instancesBefore;
    Samples instanceRate = new Samples();
    instanceRate.add(rowsRemoved / rowsPerInstance / took);
    Samples rowRate = new Samples();
    rowRate.add(rowsRemoved / took);
    bench.report().add("History at scale", "history cleanup: instances removed per second", "/s", instanceRate, null,
        null, String.format(java.util.Locale.ROOT, "whole instances: history rows removed ÷ %.0f rows per expired"
            + " instance; the process-instance rows alone went at %.0f/s (%d of %d in %.1f s, %d job executions)",
            rowsPerInstance, instancesRemoved / took, instancesRemoved, instancesBefore, took, executions));
    bench.report().add("History at scale", "history cleanup: history rows removed per second", "rows/s", rowRate,
        null, null, String.format(java.util.Locale.ROOT, "process, activity, task and variable history: %d of %d"
            + " rows in %.0f s", rowsRemoved, rowsBefore, took));
  }

  /** Rows of expired history in the tables the clones fill. */
  private long historyRows() {
    long rows = 0;
    for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst")) {
      rows += jdbc.queryForObject("select count(*) from " + table + " where removal_time_ < now()", Long.class);
    }
    return rows;
  }

  void removeClones() {
    for (String table : DETAIL_TABLES) {
      jdbc.update("delete from " + table + " where proc_inst_id_ like 'bench-h-%'");
    }
    jdbc.update("delete from act_hi_procinst where id_ like 'bench-h-%'");
    jdbc.update("delete from referral_outcome where referral_id in (select id from referral where case_number like 'TK-B-%')");
    jdbc.update("delete from referral_mapping where referral_id in (select id from referral where case_number like 'TK-B-%')");
    jdbc.update("delete from referral where case_number like 'TK-B-%'");
    jdbc.update("with cases as (delete from client_case where case_number like 'TK-B-%' returning client_id)"
        + " delete from client where id in (select client_id from cases)");
  }
}
