package fi.polku.evaluation;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.WorkAbilityMeasurements.Instrument;
import fi.polku.handover.OhHandoverModel;
import fi.polku.healthcheck.HealthCheckModel;
import fi.polku.referral.TeReferralModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.EnumMap;
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
      TeReferralModel.TIMER_TRIAGE_SLA, TeReferralModel.TASK_RECORD_MAPPING, TeReferralModel.TASK_REVIEW_PLAN,
      TeReferralModel.TASK_REVIEW_PLAN_IN_SOTE, OhHandoverModel.TASK_TAKE_OVER, HealthCheckModel.TASK_SEND_INVITATION);

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

  /** What the report counts of one path as its instances stream past. */
  private static final class PathTally {
    final String path;
    final BitSet clients = new BitSet();
    final Map<String, BitSet> clientsByWay = new TreeMap<>();
    final long[] startsPerMonth;
    final Map<String, Long> ends = new LinkedHashMap<>();
    final Map<String, Long> followOn = new TreeMap<>();
    final Histogram experience = new Histogram(0);
    /** The path's end events and their names, read from its model once per report. */
    final Map<String, String> endNames;

    PathTally(String path, int months, Map<String, String> endNames) {
      this.path = path;
      this.startsPerMonth = new long[months];
      this.endNames = endNames;
      endNames.keySet().forEach(end -> ends.put(end, 0L));
      ends.put("open", 0L);
    }
  }

  /** Counts of the whole report, filled in one pass over the instances. */
  private static final class Tally {
    final Map<String, PathTally> paths = new LinkedHashMap<>();
    final Map<String, Histogram> leadTimes = new LinkedHashMap<>();
    long triaged;
    long breached;
    long invited;
    long booked;
    long checked;
  }

  /** Computes every metric for the clients the query selects. */
  @Transactional(readOnly = true)
  public EvaluationReport report(EvaluationQuery query) {
    Filter filter = new Filter(query);
    Calendar calendar = new Calendar(query.from().minusDays(1),
        LocalDate.now(clock.withZone(WorkingDays.FINLAND)).plusDays(2), YearMonth.from(query.from()), YearMonth.from(query.to()));
    Tally tally = new Tally();
    for (String path : query.paths()) {
      tally.paths.put(path, new PathTally(path, calendar.months.length, endEventNames(path)));
    }
    LEAD_TIMES.forEach(leadTime -> tally.leadTimes.put(leadTime, new Histogram(0)));
    instances(filter, calendar, tally);
    List<Figure> figures = new ArrayList<>();
    clients(tally, figures);
    clientsPerMonth(tally, calendar, figures);
    leadTimes(query, tally, figures);
    sla(query, tally, figures);
    endStates(tally, figures);
    followOn(query, filter, tally, figures);
    outcomes(query, filter, tally, figures);
    workAbility(filter, figures);
    invitations(query, tally, figures);
    return new EvaluationReport(query, clock.instant(), List.copyOf(figures));
  }

  /** The SQL that selects the path instances of the query, with its parameters. */
  private static final class Filter {
    final String where;
    final List<Object> args = new ArrayList<>();
    final Timestamp from;

    Filter(EvaluationQuery query) {
      List<String> paths = query.paths();
      StringBuilder sql = new StringBuilder(" from act_hi_procinst p join client_case c on c.case_number = p.business_key_"
          + " where p.proc_def_key_ in (" + String.join(", ", paths.stream().map(path -> "?").toList()) + ")"
          + " and p.start_time_ >= ? and p.start_time_ < ?");
      args.addAll(paths);
      from = Timestamp.from(query.from().atStartOfDay(WorkingDays.FINLAND).toInstant());
      args.add(from);
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

    Object[] args(Object... before) {
      List<Object> all = new ArrayList<>(Arrays.asList(before));
      all.addAll(args);
      return all.toArray();
    }
  }

  /**
   * One row per path instance, with the times of the steps the lead times need already picked out
   * of the activity history by the database, streamed into the tally: nothing per instance is kept.
   */
  private void instances(Filter filter, Calendar calendar, Tally tally) {
    String activities = String.join(", ", ACTIVITIES.stream().map(activity -> "'" + activity + "'").toList());
    String sql = "select p.proc_def_key_, c.client_id, p.start_time_, p.end_act_id_, p.end_time_,"
        + " r.way_in, h.way_in, h.booked_at, h.checked_at, o.job_loss_at, o.follow_on_path, o.client_experience, h.route,"
        + " a.triaged, a.breached, a.mapped, a.reviewed, a.taken_over, a.invited"
        + " from act_hi_procinst p join client_case c on c.case_number = p.business_key_"
        + " left join referral r on r.process_instance_id = p.id_"
        + " left join health_check h on h.case_number = p.business_key_ and p.proc_def_key_ = '" + HealthCheckModel.PROCESS_KEY + "'"
        + " left join handover o on o.case_number = p.business_key_ and p.proc_def_key_ = '" + OhHandoverModel.PROCESS_KEY + "'"
        // ACT_INST_STATE_ 2 is a step cancelled (e.g. by a terminate end): not a completed step.
        + " left join (select a.proc_inst_id_ as instance_id,"
        + " min(case when a.act_id_ = '" + TeReferralModel.TASK_CONFIRM_TRIAGE + "' then a.end_time_ end) as triaged,"
        + " max(case when a.act_id_ = '" + TeReferralModel.TIMER_TRIAGE_SLA + "' then 1 else 0 end) as breached,"
        + " min(case when a.act_id_ = '" + TeReferralModel.TASK_RECORD_MAPPING + "' then a.start_time_ end) as mapped,"
        // The referrer read the plan: a coordinator, or the nurse who referred a walk-in.
        + " min(case when a.act_id_ in ('" + TeReferralModel.TASK_REVIEW_PLAN + "', '"
        + TeReferralModel.TASK_REVIEW_PLAN_IN_SOTE + "') then a.end_time_ end) as reviewed,"
        + " min(case when a.act_id_ = '" + OhHandoverModel.TASK_TAKE_OVER + "' then a.end_time_ end) as taken_over,"
        + " max(case when a.act_id_ = '" + HealthCheckModel.TASK_SEND_INVITATION + "' then 1 else 0 end) as invited"
        + " from act_hi_actinst a where a.act_id_ in (" + activities + ")"
        + " and (a.act_inst_state_ is null or a.act_inst_state_ <> 2) and a.start_time_ >= ?"
        + " group by a.proc_inst_id_) a on a.instance_id = p.id_"
        + filter.where.substring(filter.where.indexOf(" where "));
    jdbc.query(sql, rs -> {
      PathTally path = tally.paths.get(rs.getString(1));
      int client = Math.toIntExact(rs.getLong(2));
      Instant start = calendar.instant(rs, 3);
      String wayIn = switch (path.path) {
        case TeReferralModel.PROCESS_KEY -> rs.getString(6) == null ? "tasklist" : rs.getString(6);
        case HealthCheckModel.PROCESS_KEY -> rs.getString(7);
        default -> "occupational-health";
      };
      path.clients.set(client);
      path.clientsByWay.computeIfAbsent(wayIn == null ? "other" : wayIn, way -> new BitSet()).set(client);
      int month = calendar.month(start);
      if (month >= 0) {
        path.startsPerMonth[month]++;
      }
      String endActivity = rs.getString(4);
      String end = rs.getTimestamp(5) == null ? "open"
          : endActivity != null && path.ends.containsKey(endActivity) ? endActivity : "ended-otherwise";
      path.ends.merge(end, 1L, Long::sum);
      switch (path.path) {
        case TeReferralModel.PROCESS_KEY -> {
          Instant triaged = calendar.instant(rs, 14);
          boolean breached = rs.getInt(15) == 1;
          Instant mapped = calendar.instant(rs, 16);
          calendar.lead(tally.leadTimes.get("referral-to-triage"), start, triaged);
          calendar.lead(tally.leadTimes.get("referral-to-mapping"), start, mapped);
          calendar.lead(tally.leadTimes.get("mapping-to-plan"), mapped, calendar.instant(rs, 17));
          if (triaged != null || breached) {
            tally.triaged++;
            tally.breached += breached ? 1 : 0;
          }
        }
        case OhHandoverModel.PROCESS_KEY -> {
          calendar.lead(tally.leadTimes.get("job-loss-to-coordinator"), calendar.instantWithZone(rs, 10), calendar.instant(rs, 18));
          count(path.followOn, rs.getString(11));
          if (rs.getObject(12) != null) {
            path.experience.add(rs.getInt(12));
          }
        }
        default -> {
          Instant checked = calendar.instantWithZone(rs, 9);
          count(path.followOn, rs.getString(13));
          if ("invitation".equals(wayIn)) {
            calendar.lead(tally.leadTimes.get("invitation-to-check"), start, checked);
          }
          if (rs.getInt(19) == 1) {
            tally.invited++;
            tally.booked += rs.getTimestamp(8) != null ? 1 : 0;
            tally.checked += checked != null ? 1 : 0;
          }
        }
      }
    }, filter.args(filter.from));
  }

  private static void count(Map<String, Long> counts, String code) {
    if (code != null) {
      counts.merge(code, 1L, Long::sum);
    }
  }

  private static void clients(Tally tally, List<Figure> figures) {
    tally.paths.values().forEach(path -> {
      figures.add(Figure.count("clients", path.path, "total", Labels.category("total"), path.clients.cardinality()));
      path.clientsByWay.forEach((way, clients) ->
          figures.add(Figure.count("clients", path.path, way, Labels.category(way), clients.cardinality())));
    });
  }

  private static void clientsPerMonth(Tally tally, Calendar calendar, List<Figure> figures) {
    tally.paths.values().forEach(path -> {
      for (int month = 0; month < calendar.months.length; month++) {
        String name = calendar.months[month].toString();
        figures.add(Figure.count("clients-per-month", path.path, name, name, path.startsPerMonth[month]));
      }
    });
  }

  private static void leadTimes(EvaluationQuery query, Tally tally, List<Figure> figures) {
    tally.leadTimes.forEach((leadTime, days) -> {
      String path = leadTime.equals("job-loss-to-coordinator") ? OhHandoverModel.PROCESS_KEY
          : leadTime.equals("invitation-to-check") ? HealthCheckModel.PROCESS_KEY : TeReferralModel.PROCESS_KEY;
      if (!query.paths().contains(path)) {
        return;
      }
      String name = Labels.category(leadTime);
      figures.add(Figure.count("lead-time", path, leadTime, name, days.n()).withStatistic("n"));
      figures.add(new Figure("lead-time", path, leadTime, name, "median", days.median(), days.n()));
      figures.add(new Figure("lead-time", path, leadTime, name, "p90", days.percentile(90), days.n()));
      for (int bar = 0; bar <= BUCKETS.length; bar++) {
        int low = bar == 0 ? 0 : BUCKETS[bar - 1] + 1;
        int high = bar == BUCKETS.length ? Integer.MAX_VALUE - 1 : BUCKETS[bar];
        figures.add(Figure.count("lead-time-distribution", path, leadTime, name, days.between(low, high))
            .withStatistic(bucket(bar)));
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

  private static void sla(EvaluationQuery query, Tally tally, List<Figure> figures) {
    if (!query.paths().contains(TeReferralModel.PROCESS_KEY)) {
      return;
    }
    figures.add(Figure.count("sla", TeReferralModel.PROCESS_KEY, "triaged", Labels.category("triaged"), tally.triaged));
    figures.add(Figure.count("sla", TeReferralModel.PROCESS_KEY, "breached", Labels.category("breached"), tally.breached));
    figures.add(share("sla", TeReferralModel.PROCESS_KEY, "breached", tally.breached, tally.triaged));
  }

  private static void endStates(Tally tally, List<Figure> figures) {
    tally.paths.values().forEach(path -> path.ends.forEach((state, count) -> figures.add(
        Figure.count("end-state", path.path, state, path.endNames.getOrDefault(state, Labels.category(state)), count))));
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

  private void followOn(EvaluationQuery query, Filter filter, Tally tally, List<Figure> figures) {
    Map<String, Map<String, Long>> chosen = new LinkedHashMap<>();
    query.paths().forEach(path -> chosen.put(path, tally.paths.get(path).followOn));
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
    chosen.forEach((path, counts) -> counts.forEach((followOn, count) ->
        figures.add(Figure.count("follow-on", path, followOn, Labels.category(followOn), count))));
  }

  private void outcomes(EvaluationQuery query, Filter filter, Tally tally, List<Figure> figures) {
    PathTally handovers = tally.paths.get(OhHandoverModel.PROCESS_KEY);
    if (handovers != null) {
      mean(figures, OhHandoverModel.PROCESS_KEY, "client-experience", handovers.experience);
    }
    if (!query.paths().contains(TeReferralModel.PROCESS_KEY)) {
      return;
    }
    Map<Integer, Map<String, Long>> counts = new TreeMap<>();
    Map<Integer, Histogram> satisfaction = new TreeMap<>();
    for (int months : new int[] {3, 6}) {
      Map<String, Long> outcome = new LinkedHashMap<>();
      OUTCOMES.forEach(code -> outcome.put(code, 0L));
      counts.put(months, outcome);
      satisfaction.put(months, new Histogram(0));
    }
    jdbc.query("select o.months, o.outcome, o.satisfaction from referral_outcome o join referral r on r.id = o.referral_id"
        + " where r.process_instance_id in (" + filter.instanceIds() + ")", rs -> {
          int months = rs.getInt(1);
          counts.computeIfAbsent(months, m -> new LinkedHashMap<>()).merge(rs.getString(2), 1L, Long::sum);
          if (rs.getObject(3) != null) {
            satisfaction.computeIfAbsent(months, m -> new Histogram(0)).add(rs.getInt(3));
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
    satisfaction.forEach((months, values) -> mean(figures, TeReferralModel.PROCESS_KEY, "follow-up-" + months, values));
  }

  /** A satisfaction's n and mean. */
  private static void mean(List<Figure> figures, String path, String category, Histogram values) {
    String name = Labels.category(category);
    figures.add(Figure.count("satisfaction", path, category, name, values.n()).withStatistic("n"));
    figures.add(new Figure("satisfaction", path, category, name, "mean", values.mean(), values.n()));
  }

  private void workAbility(Filter filter, List<Figure> figures) {
    // Per instrument and client: the first score, the last score and how many there were.
    Map<Instrument, Map<Long, int[]>> measured = new EnumMap<>(Instrument.class);
    for (Instrument instrument : Instrument.values()) {
      measured.put(instrument, new HashMap<>());
    }
    jdbc.query("select m.client_id, m.instrument, m.score from work_ability_measurement m"
        + " where m.client_id in (" + filter.clientIds() + ") order by m.client_id, m.instrument, m.measured_at, m.id", rs -> {
          int score = rs.getInt(3);
          int[] firstLastCount = measured.get(Instrument.valueOf(rs.getString(2)))
              .computeIfAbsent(rs.getLong(1), client -> new int[] {score, score, 0});
          firstLastCount[1] = score;
          firstLastCount[2]++;
        }, filter.args());
    measured.forEach((instrument, byClient) -> {
      String category = instrument.name().toLowerCase(java.util.Locale.ROOT);
      Histogram changes = new Histogram(-instrument.max());
      long improved = 0;
      long unchanged = 0;
      long worsened = 0;
      for (int[] firstLastCount : byClient.values()) {
        if (firstLastCount[2] < 2) {
          continue;
        }
        int change = firstLastCount[1] - firstLastCount[0];
        changes.add(change);
        // "Improved" means better for the client, whichever way the instrument counts.
        int better = instrument.lowerIsBetter() ? -change : change;
        if (better > 0) {
          improved++;
        } else if (change == 0) {
          unchanged++;
        } else {
          worsened++;
        }
      }
      String name = Labels.category(category);
      figures.add(Figure.count("work-ability-change", "all", category, name, changes.n()).withStatistic("n"));
      figures.add(new Figure("work-ability-change", "all", category, name, "mean", changes.mean(), changes.n()));
      figures.add(new Figure("work-ability-change", "all", category, name, "median", changes.median(), changes.n()));
      figures.add(Figure.count("work-ability-change", "all", category + ":improved", name + ": " + Labels.category("improved"), improved));
      figures.add(Figure.count("work-ability-change", "all", category + ":unchanged", name + ": " + Labels.category("unchanged"), unchanged));
      figures.add(Figure.count("work-ability-change", "all", category + ":worsened", name + ": " + Labels.category("worsened"), worsened));
    });
  }

  private static void invitations(EvaluationQuery query, Tally tally, List<Figure> figures) {
    if (!query.paths().contains(HealthCheckModel.PROCESS_KEY)) {
      return;
    }
    String path = HealthCheckModel.PROCESS_KEY;
    figures.add(Figure.count("invitation-response", path, "invited", Labels.category("invited"), tally.invited));
    figures.add(Figure.count("invitation-response", path, "booked", Labels.category("booked"), tally.booked));
    figures.add(Figure.count("invitation-response", path, "checked", Labels.category("checked"), tally.checked));
    figures.add(share("invitation-response", path, "booked", tally.booked, tally.invited));
    figures.add(share("invitation-response", path, "checked", tally.checked, tally.invited));
  }

  /** A share in per cent; it describes the clients counted in it. */
  private static Figure share(String metric, String path, String category, long part, long whole) {
    return new Figure(metric, path, category, Labels.category(category), "share",
        whole == 0 ? null : 100.0 * part / whole, part);
  }

  /**
   * Finnish days and months as instants, so each row's day and month are found by a binary search
   * instead of a time-zone conversion, and working days by a running count per day.
   */
  private final class Calendar {
    private final LocalDate first;
    private final Instant[] dayStarts;
    private final int[] workingDaysSoFar;
    final YearMonth[] months;
    private final Instant[] monthStarts;
    private final ZoneId databaseZone = ZoneId.systemDefault();

    Calendar(LocalDate first, LocalDate last, YearMonth firstMonth, YearMonth lastMonth) {
      this.first = first;
      int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
      dayStarts = new Instant[days + 1];
      workingDaysSoFar = new int[days];
      int count = 0;
      for (int day = 0; day <= days; day++) {
        LocalDate date = first.plusDays(day);
        dayStarts[day] = date.atStartOfDay(WorkingDays.FINLAND).toInstant();
        if (day < days) {
          count += day > 0 && workingDays.isWorkingDay(date) ? 1 : 0;
          workingDaysSoFar[day] = count;
        }
      }
      int monthCount = (int) ChronoUnit.MONTHS.between(firstMonth, lastMonth) + 1;
      months = new YearMonth[monthCount];
      monthStarts = new Instant[monthCount + 1];
      for (int month = 0; month <= monthCount; month++) {
        YearMonth yearMonth = firstMonth.plusMonths(month);
        if (month < monthCount) {
          months[month] = yearMonth;
        }
        monthStarts[month] = yearMonth.atDay(1).atStartOfDay(WorkingDays.FINLAND).toInstant();
      }
    }

    /** The engine writes its history times in the JVM's zone, without the zone. */
    Instant instant(ResultSet rs, int column) throws SQLException {
      LocalDateTime time = rs.getObject(column, LocalDateTime.class);
      return time == null ? null : time.atZone(databaseZone).toInstant();
    }

    /** Our own tables keep times with their zone. */
    Instant instantWithZone(ResultSet rs, int column) throws SQLException {
      OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
      return time == null ? null : time.toInstant();
    }

    int month(Instant instant) {
      return slot(monthStarts, instant);
    }

    /** Adds the working days from one moment to another, if both happened. */
    void lead(Histogram days, Instant from, Instant to) {
      if (from != null && to != null && !to.isBefore(from)) {
        days.add(between(from, to));
      }
    }

    private int between(Instant from, Instant to) {
      int fromDay = slot(dayStarts, from);
      int toDay = slot(dayStarts, to);
      if (fromDay < 0 || toDay < 0) {
        return workingDays.workingDaysBetween(from.atZone(WorkingDays.FINLAND).toLocalDate(),
            to.atZone(WorkingDays.FINLAND).toLocalDate());
      }
      return workingDaysSoFar[toDay] - workingDaysSoFar[fromDay];
    }

    /** The index i with starts[i] <= instant < starts[i + 1], or -1 outside. */
    private int slot(Instant[] starts, Instant instant) {
      int found = Arrays.binarySearch(starts, instant);
      int index = found >= 0 ? found : -found - 2;
      return index < 0 || index >= starts.length - 1 ? -1 : index;
    }
  }
}
