package fi.polku.bench;

import fi.polku.engine.AuthorizationStatistics;
import fi.polku.security.StaffGroup;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist at scale: open user tasks spread over the six staff groups, authorization checks on,
 * and the queries Tasklist makes for a group member's filter (count, then the first page of 15
 * sorted by due date) through the engine's FilterService, as the user with their group; and
 * GET /api/cases/{caseNumber} through HTTP. A few hundred real te-referrals are driven to their
 * first task; their task, candidate-group link and task authorization rows are then cloned in SQL.
 */
final class TasklistAtScale {

  private final PolkuBench bench;
  private final JdbcTemplate jdbc;
  private final Random random = new Random(42);

  TasklistAtScale(PolkuBench bench) {
    this.bench = bench;
    this.jdbc = bench.jdbc();
  }

  void run(boolean removeClones) throws Exception {
    List<String> caseNumbers = seed();
    long open = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
    jdbc.execute("analyze");
    String note = open + " open tasks, " + jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class)
        + " authorization rows";
    // Before: the engine's tables as Camunda ships them, without the planner statistics (one query a group).
    jdbc.execute("drop statistics if exists " + AuthorizationStatistics.NAME);
    jdbc.execute("analyze act_ru_authorization");
    Runnable before = () -> filterLatency("Tasklist filter BEFORE (no statistics)", note, 1, 1, false);
    if (bench.settings().profile()) {
      Profiler.profile(bench.outputDirectory(), "tasklist-before", before);
    } else {
      before.run();
    }
    jdbc.execute(AuthorizationStatistics.CREATE);
    jdbc.execute("analyze act_ru_authorization");
    filterLatency("Tasklist filter", note, bench.settings().queriesPerGroup(), bench.settings().rounds(), true);
    if (bench.settings().profile()) {
      Profiler.profile(bench.outputDirectory(), "tasklist", () -> filterLatency("(profiled, not reported)", note, 2, 1,
          false));
      bench.report().rows().removeIf(row -> row.figure().startsWith("(profiled"));
    }
    caseLatency(caseNumbers);
    if (removeClones) {
      removeClones();
    }
  }

  /** Real referrals waiting at their first task, then cloned tasks until the open tasks reach the target. */
  private List<String> seed() {
    var engine = bench.engine();
    List<String> caseNumbers = new ArrayList<>();
    for (int i = 0; i < bench.settings().seedInstances(); i++) {
      String instance = bench.startReferral();
      bench.driver().toTask(instance, PolkuBench.TE_REFERRAL, "Task_ConfirmTriage");
      caseNumbers.add(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance)
          .singleResult().getBusinessKey());
    }
    bench.driver().runAllJobs(PolkuBench.MAIL_DELIVERY);
    long open = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
    long clones = Math.max(0, bench.settings().openTasks() - open);
    String sources = "select * from act_ru_task where task_def_key_ = 'Task_ConfirmTriage' and id_ not like 'bench-%'";
    long began = System.nanoTime();
    // Due dates spread over 60 days, created over the last 30 days.
    bench.cloneRows("act_ru_task", sources, clones, Map.of(
        "id_", "'bench-t-' || g",
        "rev_", "1",
        "due_date_", "now() + ((g::bigint * 7919) % 86400) * interval '1 minute'",
        "create_time_", "now() - ((g::bigint * 104729) % 43200) * interval '1 minute'"));
    String groups = "(array[" + String.join(",", PolkuBench.GROUPS.stream().map(g -> "'" + g + "'").toList()) + "])";
    jdbc.update("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select 'bench-l-' || g, 1, "
        + groups + "[1 + g % " + PolkuBench.GROUPS.size() + "], 'candidate', 'bench-t-' || g from generate_series(0, "
        + (clones - 1) + ") g");
    // Each candidate-group link gives the group an authorization on the task, as the engine does.
    List<Map<String, Object>> taskGrants = jdbc.queryForList("select a.* from act_ru_authorization a join act_ru_task t"
        + " on a.resource_id_ = t.id_ where a.resource_type_ = 7 and a.group_id_ is not null and t.id_ not like 'bench-%'"
        + " limit 1");
    if (!taskGrants.isEmpty()) {
      Map<String, Object> grant = taskGrants.get(0);
      jdbc.update("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
          + " select 'bench-a-' || g, 1, ?, " + groups + "[1 + g % " + PolkuBench.GROUPS.size() + "], 7, 'bench-t-' || g,"
          + " ? from generate_series(0, " + (clones - 1) + ") g", grant.get("type_"), grant.get("perms_"));
    }
    System.out.printf("[bench] seeded %d open tasks (%d cloned) in %.1f s%n", open + clones, clones,
        PolkuBench.seconds(began));
    return caseNumbers;
  }

  /** Latency of count + first page of each group's filter, as a member of the group. */
  void filterLatency(String figure, String note, int queriesPerGroup, int rounds, boolean warmUp) {
    var engine = bench.engine();
    FilterService filters = engine.getFilterService();
    IdentityService identity = engine.getIdentityService();
    Samples countMs = new Samples();
    Samples pageMs = new Samples();
    Samples bothMs = new Samples();
    List<Samples> roundP95 = new ArrayList<>();
    int first = warmUp ? 1 : 0;
    for (int round = 0; round < first + rounds; round++) {
      Samples thisRound = new Samples();
      for (StaffGroup group : StaffGroup.values()) {
        String filterId = filters.createFilterQuery().filterName(group.filterName()).singleResult().getId();
        for (int q = 0; q < queriesPerGroup; q++) {
          identity.setAuthentication(PolkuBench.staffUser(group.id()), List.of(group.id()));
          try {
            long began = System.nanoTime();
            long count = filters.count(filterId);
            double counted = PolkuBench.millis(began);
            long pageBegan = System.nanoTime();
            int page = filters.listPage(filterId, 0, 15).size();
            double paged = PolkuBench.millis(pageBegan);
            if (count > 0 && page == 0) {
              throw new IllegalStateException(group.id() + " counts " + count + " tasks but its first page is empty");
            }
            if (round >= first) {
              countMs.add(counted);
              pageMs.add(paged);
              bothMs.add(counted + paged);
              thisRound.add(counted + paged);
            }
          } finally {
            identity.clearAuthentication();
          }
        }
      }
      if (round >= first) {
        roundP95.add(thisRound);
      }
    }
    addLatency(figure + ": count + first page", bothMs, roundP95, warmUp ? "< 100 ms at p95" : null, note);
    addLatency(figure + ": count only", countMs, null, null, null);
    addLatency(figure + ": first page only", pageMs, null, null, null);
  }

  private void addLatency(String figure, Samples all, List<Samples> rounds, String goal, String note) {
    for (int p : new int[] {50, 95, 99}) {
      Samples perRound = new Samples();
      if (rounds != null) {
        rounds.forEach(round -> perRound.add(round.percentile(p)));
      }
      double value = all.percentile(p);
      Boolean met = goal != null && p == 95 ? value < 100 : null;
      bench.report().add(new BenchReport.Row("Tasklist at scale", figure + " p" + p, "ms", round(value),
          rounds == null ? null : round(perRound.min()), rounds == null ? null : round(perRound.max()), all.size(),
          p == 95 ? goal : null, met, p == 50 ? note : null));
    }
  }

  private void caseLatency(List<String> caseNumbers) {
    var credentials = bench.credentials();
    Samples ms = new Samples();
    for (int i = 0; i < bench.settings().caseLookups() + 5; i++) {
      String caseNumber = caseNumbers.get(random.nextInt(caseNumbers.size()));
      long began = System.nanoTime();
      HttpResponse<String> response = bench.http().send(bench.http().request("/api/cases/" + caseNumber,
          credentials.systemUser(), credentials.systemPassword()).GET().build());
      double took = PolkuBench.millis(began);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET /api/cases/" + caseNumber + " answered " + response.statusCode());
      }
      if (i >= 5) {
        ms.add(took);
      }
    }
    for (int p : new int[] {50, 95, 99}) {
      bench.report().add(new BenchReport.Row("Tasklist at scale", "GET /api/cases/{caseNumber} p" + p, "ms",
          round(ms.percentile(p)), null, null, ms.size(), null, null,
          p == 50 ? "HTTP Basic as the employment services' system, random seeded cases" : null));
    }
  }

  void removeClones() {
    jdbc.update("delete from act_ru_authorization where id_ like 'bench-a-%'");
    jdbc.update("delete from act_ru_identitylink where id_ like 'bench-l-%'");
    jdbc.update("delete from act_ru_task where id_ like 'bench-t-%'");
  }

  private static Double round(double value) {
    return Double.isNaN(value) ? null : Math.round(value * 100) / 100.0;
  }
}
