package fi.polku.evaluation;

import fi.polku.calendar.WorkingDays;
import fi.polku.handover.OhHandoverModel;
import fi.polku.healthcheck.HealthCheckModel;
import fi.polku.referral.TeReferralModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme evaluation, computed from the engine's history (process and activity instances)
 * and the rows the paths write as they run — never from figures kept by hand. docs/evaluation.md
 * defines every metric; this class is that definition in code.
 */
@Service
public class EvaluationService {

  /** Lead times in the order the report shows them. */
  static final List<String> LEAD_TIMES = List.of("referral-to-triage", "referral-to-mapping", "mapping-to-plan",
      "job-loss-to-coordinator", "invitation-to-check");

  /** Upper bounds (working days, inclusive) of the lead-time distribution's bars; the last is open. */
  static final int[] BUCKETS = {0, 2, 5, 10, 20, 40};

  static final List<String> OUTCOMES = List.of("employed", "education", "rehabilitation", "outside-labour-force",
      "still-unemployed");

  private static final List<String> ACTIVITIES = List.of(TeReferralModel.TASK_CONFIRM_TRIAGE,
      TeReferralModel.TIMER_TRIAGE_SLA, "Task_RecordMapping", TeReferralModel.TASK_REVIEW_PLAN,
      OhHandoverModel.TASK_TAKE_OVER, HealthCheckModel.TASK_SEND_INVITATION);

  /** Rows streamed from the database at a time: a report over a million instances stays small in memory. */
  private static final int FETCH_SIZE = 5_000;

  private final JdbcTemplate jdbc;
  private final WorkingDays workingDays;
  private final RepositoryService repository;
  private final Clock clock;

  EvaluationService(JdbcTemplate jdbc, WorkingDays workingDays, RepositoryService repository, Clock clock) {
    this.jdbc = new JdbcTemplate(jdbc.getDataSource());
    this.jdbc.setFetchSize(FETCH_SIZE);
    this.workingDays = workingDays;
    this.repository = repository;
    this.clock = clock;
  }

  /** One path instance of a client, with the times and choices the metrics need. */
  private static final class Instance {
    String path;
    long clientId;
    Instant start;
    String endActivity;
    boolean open;
    String wayIn;
    Instant triaged;
    boolean slaBreached;
    Instant mapped;
    Instant planReviewed;
    Instant jobLoss;
    Instant takenOver;
    boolean invited;
    Instant booked;
    Instant checked;
    String followOn;
    Integer experience;
  }

  /** Computes every metric for the clients the query selects. */
  @Transactional(readOnly = true)
  public EvaluationReport report(EvaluationQuery query) {
    Filter filter = new Filter(query);
    Map<String, Instance> instances = instances(filter);
    activities(filter, instances);
    WorkingDayCounter counter = new WorkingDayCounter(query.from().minusDays(1),
        LocalDate.now(clock.withZone(WorkingDays.FINLAND)).plusDays(1));
    List<Figure> figures = new ArrayList<>();
    clients(query, instances.values(), figures);
    clientsPerMonth(query, instances.values(), figures);
    leadTimes(query, instances.values(), counter, figures);
    sla(query, instances.values(), figures);
    endStates(query, instances.values(), figures);
    followOn(query, filter, instances.values(), figures);
    outcomes(query, filter, figures);
    workAbility(filter, figures);
    invitations(query, instances.values(), figures);
    return new EvaluationReport(query, clock.instant(), List.copyOf(figures));
  }

  /** The SQL that selects the path instances of the query, with its parameters. */
  private static final class Filter {
    final String where;
    final List<Object> args = new ArrayList<>();

    Filter(EvaluationQuery query) {
      List<String> paths = query.paths();
      StringBuilder sql = new StringBuilder(" from act_hi_procinst p join client_case c on c.case_number = p.business_key_"
          + " where p.proc_def_key_ in (" + String.join(", ", paths.stream().map(path -> "?").toList()) + ")"
          + " and p.start_time_ >= ? and p.start_time_ < ?");
      args.addAll(paths);
      args.add(Timestamp.from(query.from().atStartOfDay(WorkingDays.FINLAND).toInstant()));
      args.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(WorkingDays.FINLAND).toInstant()));
      query.municipality().ifPresent(municipality -> {
        sql.append(" and lower(c.municipality) = lower(?)");
        args.add(municipality);
      });
      where = sql.toString();
    }

    String instanceIds() {
      return "select p.id_" + where;
    }

    String clientIds() {
      return "select c.client_id" + where;
    }

    Object[] args(Object... more) {
      List<Object> all = new ArrayList<>(args);
      all.addAll(Arrays.asList(more));
      return all.toArray();
    }

    Object[] twice() {
      List<Object> all = new ArrayList<>(args);
      all.addAll(args);
      return all.toArray();
    }
  }

  private Map<String, Instance> instances(Filter filter) {
    Map<String, Instance> instances = new HashMap<>();
    jdbc.query("select p.id_, p.proc_def_key_, c.client_id, p.start_time_, p.end_act_id_, p.end_time_,"
        + " r.way_in, h.way_in, h.booked_at, h.checked_at, o.job_loss_at, o.follow_on_path, o.client_experience,"
        + " h.route"
        + " from act_hi_procinst p join client_case c on c.case_number = p.business_key_"
        + " left join referral r on r.process_instance_id = p.id_"
        + " left join health_check h on h.case_number = p.business_key_ and p.proc_def_key_ = '" + HealthCheckModel.PROCESS_KEY + "'"
        + " left join handover o on o.case_number = p.business_key_ and p.proc_def_key_ = '" + OhHandoverModel.PROCESS_KEY + "'"
        + filter.where.substring(filter.where.indexOf(" where ")), rs -> {
          Instance instance = new Instance();
          instance.path = rs.getString(2);
          instance.clientId = rs.getLong(3);
          instance.start = instant(rs, 4);
          instance.endActivity = rs.getString(5);
          instance.open = rs.getTimestamp(6) == null;
          instance.wayIn = switch (instance.path) {
            case TeReferralModel.PROCESS_KEY -> rs.getString(7) == null ? "tasklist" : rs.getString(7);
            case HealthCheckModel.PROCESS_KEY -> rs.getString(8);
            default -> "occupational-health";
          };
          instance.booked = instant(rs, 9);
          instance.checked = instant(rs, 10);
          instance.jobLoss = instant(rs, 11);
          instance.followOn = instance.path.equals(HealthCheckModel.PROCESS_KEY) ? rs.getString(14) : rs.getString(12);
          instance.experience = (Integer) rs.getObject(13);
          instances.put(rs.getString(1), instance);
        }, filter.args());
    return instances;
  }

  private void activities(Filter filter, Map<String, Instance> instances) {
    String names = String.join(", ", ACTIVITIES.stream().map(activity -> "'" + activity + "'").toList());
    // ACT_INST_STATE_ 2 is an activity cancelled (e.g. by a terminate end): not a completed step.
    jdbc.query("select a.proc_inst_id_, a.act_id_, a.start_time_, a.end_time_ from act_hi_actinst a"
        + " where a.act_id_ in (" + names + ") and (a.act_inst_state_ is null or a.act_inst_state_ <> 2)"
        + " and a.proc_inst_id_ in (" + filter.instanceIds() + ") order by a.start_time_", rs -> {
          Instance instance = instances.get(rs.getString(1));
          if (instance == null) {
            return;
          }
          Instant end = instant(rs, 4);
          switch (rs.getString(2)) {
            case TeReferralModel.TASK_CONFIRM_TRIAGE -> instance.triaged = first(instance.triaged, end);
            case TeReferralModel.TIMER_TRIAGE_SLA -> instance.slaBreached = true;
            case "Task_RecordMapping" -> instance.mapped = first(instance.mapped, instant(rs, 3));
            case TeReferralModel.TASK_REVIEW_PLAN -> instance.planReviewed = first(instance.planReviewed, end);
            case OhHandoverModel.TASK_TAKE_OVER -> instance.takenOver = first(instance.takenOver, end);
            case HealthCheckModel.TASK_SEND_INVITATION -> instance.invited = true;
            default -> { }
          }
        }, filter.args());
  }

  private static void clients(EvaluationQuery query, Iterable<Instance> instances, List<Figure> figures) {
    for (String path : query.paths()) {
      Set<Long> all = new HashSet<>();
      Map<String, Set<Long>> byWay = new TreeMap<>();
      for (Instance instance : instances) {
        if (instance.path.equals(path)) {
          all.add(instance.clientId);
          byWay.computeIfAbsent(instance.wayIn, way -> new HashSet<>()).add(instance.clientId);
        }
      }
      figures.add(Figure.count("clients", path, "total", Labels.category("total"), all.size()));
      byWay.forEach((way, clients) -> figures.add(Figure.count("clients", path, way, Labels.category(way), clients.size())));
    }
  }

  private static void clientsPerMonth(EvaluationQuery query, Iterable<Instance> instances, List<Figure> figures) {
    Map<String, Map<YearMonth, Set<Long>>> byPath = new LinkedHashMap<>();
    for (String path : query.paths()) {
      Map<YearMonth, Set<Long>> months = new TreeMap<>();
      for (YearMonth month = YearMonth.from(query.from()); !month.isAfter(YearMonth.from(query.to())); month = month.plusMonths(1)) {
        months.put(month, new HashSet<>());
      }
      byPath.put(path, months);
    }
    for (Instance instance : instances) {
      byPath.get(instance.path).get(YearMonth.from(instance.start.atZone(WorkingDays.FINLAND))).add(instance.clientId);
    }
    byPath.forEach((path, months) -> months.forEach((month, clients) ->
        figures.add(Figure.count("clients-per-month", path, month.toString(), month.toString(), clients.size()))));
  }

  private void leadTimes(EvaluationQuery query, Iterable<Instance> instances, WorkingDayCounter counter, List<Figure> figures) {
    Map<String, List<Integer>> days = new LinkedHashMap<>();
    LEAD_TIMES.forEach(leadTime -> days.put(leadTime, new ArrayList<>()));
    for (Instance instance : instances) {
      switch (instance.path) {
        case TeReferralModel.PROCESS_KEY -> {
          add(days.get("referral-to-triage"), counter, instance.start, instance.triaged);
          add(days.get("referral-to-mapping"), counter, instance.start, instance.mapped);
          add(days.get("mapping-to-plan"), counter, instance.mapped, instance.planReviewed);
        }
        case OhHandoverModel.PROCESS_KEY -> add(days.get("job-loss-to-coordinator"), counter, instance.jobLoss, instance.takenOver);
        default -> {
          if ("invitation".equals(instance.wayIn)) {
            add(days.get("invitation-to-check"), counter, instance.start, instance.checked);
          }
        }
      }
    }
    days.forEach((leadTime, values) -> {
      String path = leadTime.equals("job-loss-to-coordinator") ? OhHandoverModel.PROCESS_KEY
          : leadTime.equals("invitation-to-check") ? HealthCheckModel.PROCESS_KEY : TeReferralModel.PROCESS_KEY;
      if (!query.paths().contains(path)) {
        return;
      }
      int[] sample = values.stream().mapToInt(Integer::intValue).toArray();
      String name = Labels.category(leadTime);
      figures.add(Figure.count("lead-time", path, leadTime, name, sample.length).withStatistic("n"));
      figures.add(new Figure("lead-time", path, leadTime, name, "median", Statistics.median(sample), sample.length));
      figures.add(new Figure("lead-time", path, leadTime, name, "p90", Statistics.percentile(sample, 90), sample.length));
      long[] bars = new long[BUCKETS.length + 1];
      for (int value : sample) {
        int bar = 0;
        while (bar < BUCKETS.length && value > BUCKETS[bar]) {
          bar++;
        }
        bars[bar]++;
      }
      for (int bar = 0; bar < bars.length; bar++) {
        figures.add(Figure.count("lead-time-distribution", path, leadTime, name, bars[bar]).withStatistic(bucket(bar)));
      }
    });
  }

  /** The name of a distribution bar: "0", "1–2", …, "> 40". */
  static String bucket(int bar) {
    if (bar == BUCKETS.length) {
      return "> " + BUCKETS[BUCKETS.length - 1];
    }
    int low = bar == 0 ? 0 : BUCKETS[bar - 1] + 1;
    return low == BUCKETS[bar] ? String.valueOf(low) : low + "–" + BUCKETS[bar];
  }

  private static void add(List<Integer> days, WorkingDayCounter counter, Instant from, Instant to) {
    if (from != null && to != null && !to.isBefore(from)) {
      days.add(counter.between(from.atZone(WorkingDays.FINLAND).toLocalDate(), to.atZone(WorkingDays.FINLAND).toLocalDate()));
    }
  }

  private static void sla(EvaluationQuery query, Iterable<Instance> instances, List<Figure> figures) {
    if (!query.paths().contains(TeReferralModel.PROCESS_KEY)) {
      return;
    }
    long reached = 0;
    long breached = 0;
    for (Instance instance : instances) {
      if (instance.path.equals(TeReferralModel.PROCESS_KEY) && (instance.triaged != null || instance.slaBreached)) {
        reached++;
        breached += instance.slaBreached ? 1 : 0;
      }
    }
    figures.add(Figure.count("sla", TeReferralModel.PROCESS_KEY, "triaged", Labels.category("triaged"), reached));
    figures.add(Figure.count("sla", TeReferralModel.PROCESS_KEY, "breached", Labels.category("breached"), breached));
    figures.add(share("sla", TeReferralModel.PROCESS_KEY, "breached", breached, reached));
  }

  private void endStates(EvaluationQuery query, Iterable<Instance> instances, List<Figure> figures) {
    for (String path : query.paths()) {
      Map<String, String> names = endEventNames(path);
      Map<String, Long> counts = new LinkedHashMap<>();
      names.keySet().forEach(end -> counts.put(end, 0L));
      counts.put("open", 0L);
      for (Instance instance : instances) {
        if (instance.path.equals(path)) {
          String state = instance.open ? "open" : instance.endActivity != null && names.containsKey(instance.endActivity)
              ? instance.endActivity : "ended-otherwise";
          counts.merge(state, 1L, Long::sum);
        }
      }
      counts.forEach((state, count) -> figures.add(
          Figure.count("end-state", path, state, names.getOrDefault(state, Labels.category(state)), count)));
    }
  }

  /** The end events of the path's latest model, with their names, in the model's order. */
  private Map<String, String> endEventNames(String path) {
    Map<String, String> names = new LinkedHashMap<>();
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(path)
        .latestVersion().singleResult();
    if (definition != null) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      Set<String> branchEnds = endsOfNonInterruptingBranches(model);
      model.getModelElementsByType(EndEvent.class).stream().filter(end -> !branchEnds.contains(end.getId()))
          .forEach(end -> names.put(end.getId(), end.getName() == null ? end.getId() : end.getName().replace('\n', ' ')));
    }
    return names;
  }

  /**
   * The end events reached only after a non-interrupting boundary event (a reminder, an
   * escalation): they end a side branch while the path goes on, so they are never a path's end state.
   */
  private static Set<String> endsOfNonInterruptingBranches(BpmnModelInstance model) {
    Set<String> ends = new HashSet<>();
    java.util.Deque<FlowNode> queue = new java.util.ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    model.getModelElementsByType(BoundaryEvent.class).stream().filter(event -> !event.cancelActivity()).forEach(queue::add);
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      if (!seen.add(node.getId())) {
        continue;
      }
      if (node instanceof EndEvent) {
        ends.add(node.getId());
      }
      node.getOutgoing().forEach(flow -> queue.add(flow.getTarget()));
    }
    return ends;
  }

  private void followOn(EvaluationQuery query, Filter filter, Iterable<Instance> instances, List<Figure> figures) {
    Map<String, Map<String, Long>> chosen = new LinkedHashMap<>();
    query.paths().forEach(path -> chosen.put(path, new TreeMap<>()));
    if (query.paths().contains(TeReferralModel.PROCESS_KEY)) {
      jdbc.query("select m.follow_on_paths from referral_mapping m join referral r on r.id = m.referral_id"
          + " where r.process_instance_id in (" + filter.instanceIds() + ")", rs -> {
            for (String path : rs.getString(1).split(",")) {
              if (!path.isBlank()) {
                chosen.get(TeReferralModel.PROCESS_KEY).merge(path.trim(), 1L, Long::sum);
              }
            }
          }, filter.args());
    }
    for (Instance instance : instances) {
      if (!instance.path.equals(TeReferralModel.PROCESS_KEY) && instance.followOn != null) {
        chosen.get(instance.path).merge(instance.followOn, 1L, Long::sum);
      }
    }
    chosen.forEach((path, counts) -> counts.forEach((followOn, count) ->
        figures.add(Figure.count("follow-on", path, followOn, Labels.category(followOn), count))));
  }

  private void outcomes(EvaluationQuery query, Filter filter, List<Figure> figures) {
    if (!query.paths().contains(TeReferralModel.PROCESS_KEY)) {
      return;
    }
    Map<Integer, Map<String, Long>> counts = new TreeMap<>();
    Map<Integer, List<Integer>> satisfaction = new TreeMap<>();
    for (int months : new int[] {3, 6}) {
      Map<String, Long> outcome = new LinkedHashMap<>();
      OUTCOMES.forEach(code -> outcome.put(code, 0L));
      counts.put(months, outcome);
      satisfaction.put(months, new ArrayList<>());
    }
    jdbc.query("select o.months, o.outcome, o.satisfaction from referral_outcome o join referral r on r.id = o.referral_id"
        + " where r.process_instance_id in (" + filter.instanceIds() + ")", rs -> {
          int months = rs.getInt(1);
          counts.computeIfAbsent(months, m -> new LinkedHashMap<>()).merge(rs.getString(2), 1L, Long::sum);
          if (rs.getObject(3) != null) {
            satisfaction.computeIfAbsent(months, m -> new ArrayList<>()).add(rs.getInt(3));
          }
        }, filter.args());
    counts.forEach((months, outcome) -> {
      long all = outcome.values().stream().mapToLong(Long::longValue).sum();
      outcome.forEach((code, count) -> {
        String category = months + "m:" + code;
        String name = Labels.category("follow-up-" + months) + ": " + Labels.category(code);
        figures.add(new Figure("outcome", TeReferralModel.PROCESS_KEY, category, name, "count", (double) count, count));
        figures.add(share("outcome", TeReferralModel.PROCESS_KEY, category, count, all).named(name));
      });
    });
    satisfaction.forEach((months, values) -> mean(figures, "satisfaction", TeReferralModel.PROCESS_KEY,
        "follow-up-" + months, values));
  }

  private static void mean(List<Figure> figures, String metric, String path, String category, List<Integer> values) {
    int[] sample = values.stream().mapToInt(Integer::intValue).toArray();
    String name = Labels.category(category);
    figures.add(Figure.count(metric, path, category, name, sample.length).withStatistic("n"));
    figures.add(new Figure(metric, path, category, name, "mean", Statistics.mean(sample), sample.length));
  }

  private void workAbility(Filter filter, List<Figure> figures) {
    Map<String, Map<Long, int[]>> firstAndLast = new LinkedHashMap<>();
    firstAndLast.put("WHODAS", new HashMap<>());
    firstAndLast.put("KYKYVIISARI", new HashMap<>());
    Map<String, Map<Long, Integer>> measurementCounts = new HashMap<>();
    jdbc.query("select m.client_id, m.instrument, m.score from work_ability_measurement m"
        + " where m.client_id in (" + filter.clientIds() + ") order by m.client_id, m.instrument, m.measured_at, m.id", rs -> {
          Map<Long, int[]> byClient = firstAndLast.get(rs.getString(2));
          if (byClient == null) {
            return;
          }
          int score = rs.getInt(3);
          int[] pair = byClient.computeIfAbsent(rs.getLong(1), client -> new int[] {score, score});
          pair[1] = score;
          measurementCounts.computeIfAbsent(rs.getString(2), k -> new HashMap<>()).merge(rs.getLong(1), 1, Integer::sum);
        }, filter.args());
    firstAndLast.forEach((instrument, byClient) -> {
      String category = instrument.toLowerCase();
      // Lower is better for WHODAS, higher for Kykyviisari: "improved" means better for the client.
      int better = instrument.equals("WHODAS") ? -1 : 1;
      List<Integer> changes = new ArrayList<>();
      long improved = 0;
      long unchanged = 0;
      long worsened = 0;
      for (Map.Entry<Long, int[]> client : byClient.entrySet()) {
        if (measurementCounts.get(instrument).get(client.getKey()) < 2) {
          continue;
        }
        int change = client.getValue()[1] - client.getValue()[0];
        changes.add(change);
        if (change * better > 0) {
          improved++;
        } else if (change == 0) {
          unchanged++;
        } else {
          worsened++;
        }
      }
      String name = Labels.category(category);
      int[] sample = changes.stream().mapToInt(Integer::intValue).toArray();
      figures.add(Figure.count("work-ability-change", "all", category, name, sample.length).withStatistic("n"));
      figures.add(new Figure("work-ability-change", "all", category, name, "mean", Statistics.mean(sample), sample.length));
      figures.add(new Figure("work-ability-change", "all", category, name, "median", Statistics.median(sample), sample.length));
      figures.add(Figure.count("work-ability-change", "all", category + ":improved", name + ": " + Labels.category("improved"), improved));
      figures.add(Figure.count("work-ability-change", "all", category + ":unchanged", name + ": " + Labels.category("unchanged"), unchanged));
      figures.add(Figure.count("work-ability-change", "all", category + ":worsened", name + ": " + Labels.category("worsened"), worsened));
    });
  }

  private static void invitations(EvaluationQuery query, Iterable<Instance> instances, List<Figure> figures) {
    if (!query.paths().contains(HealthCheckModel.PROCESS_KEY)) {
      return;
    }
    long invited = 0;
    long booked = 0;
    long checked = 0;
    for (Instance instance : instances) {
      if (instance.path.equals(HealthCheckModel.PROCESS_KEY) && instance.invited) {
        invited++;
        booked += instance.booked != null ? 1 : 0;
        checked += instance.checked != null ? 1 : 0;
      }
    }
    String path = HealthCheckModel.PROCESS_KEY;
    figures.add(Figure.count("invitation-response", path, "invited", Labels.category("invited"), invited));
    figures.add(Figure.count("invitation-response", path, "booked", Labels.category("booked"), booked));
    figures.add(Figure.count("invitation-response", path, "checked", Labels.category("checked"), checked));
    figures.add(share("invitation-response", path, "booked", booked, invited));
    figures.add(share("invitation-response", path, "checked", checked, invited));
  }

  /** A share in per cent; it describes the clients counted in it. */
  private static Figure share(String metric, String path, String category, long part, long whole) {
    return new Figure(metric, path, category, Labels.category(category), "share",
        whole == 0 ? null : 100.0 * part / whole, part);
  }

  private static Instant first(Instant current, Instant candidate) {
    return current != null ? current : candidate;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** Working days between two dates by a running count per day, so a million lead times cost a lookup each. */
  private final class WorkingDayCounter {
    private final LocalDate first;
    private final int[] running;

    WorkingDayCounter(LocalDate first, LocalDate last) {
      this.first = first;
      this.running = new int[(int) (last.toEpochDay() - first.toEpochDay()) + 1];
      int count = 0;
      for (int day = 0; day < running.length; day++) {
        count += day > 0 && workingDays.isWorkingDay(first.plusDays(day)) ? 1 : 0;
        running[day] = count;
      }
    }

    int between(LocalDate fromExclusive, LocalDate toInclusive) {
      long from = fromExclusive.toEpochDay() - first.toEpochDay();
      long to = toInclusive.toEpochDay() - first.toEpochDay();
      if (from < 0 || to >= running.length) {
        return workingDays.workingDaysBetween(fromExclusive, toInclusive);
      }
      return running[(int) to] - running[(int) from];
    }
  }
}
