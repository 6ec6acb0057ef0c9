package fi.polku.evaluation;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.ClientCaseRecords;
import fi.polku.handover.HandoverRecords;
import fi.polku.healthcheck.HealthCheckRecords;
import fi.polku.referral.ReferralRecords;
import fi.polku.handover.OhHandoverModel;
import fi.polku.healthcheck.HealthCheckModel;
import fi.polku.referral.TeReferralModel;
import java.sql.Timestamp;
import java.util.BitSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evaluation's query: one pass over the path instances the report selects, with the step times
 * the lead times need picked out of the activity history by the database, streamed into tallies
 * (nothing per instance is kept). It reads the engine's history and the views the other modules
 * publish for it (migration V31: {@link ClientCaseRecords}, {@link ReferralRecords},
 * {@link HealthCheckRecords}, {@link HandoverRecords}), never their tables.
 */
class EvaluationScan {

  private static final List<String> ACTIVITIES = List.of(TeReferralModel.TASK_CONFIRM_TRIAGE,
      TeReferralModel.TIMER_TRIAGE_SLA, TeReferralModel.TASK_RECORD_MAPPING, TeReferralModel.TASK_REVIEW_PLAN,
      TeReferralModel.TASK_REVIEW_PLAN_IN_SOTE, OhHandoverModel.TASK_TAKE_OVER, HealthCheckModel.TASK_SEND_INVITATION);

  private final JdbcTemplate jdbc;

  EvaluationScan(JdbcTemplate streaming) {
    this.jdbc = streaming;
  }

  /** What the report counts of one path as its instances stream past. */
  static final class PathTally {
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
  static final class Tally {
    final Map<String, PathTally> paths = new LinkedHashMap<>();
    final Map<String, Histogram> leadTimes = new LinkedHashMap<>();
    long triaged;
    long breached;
    long invited;
    long booked;
    long checked;
  }

  /** The SQL that selects the path instances of the query, with its parameters. */
  static final class Filter {
    final String where;
    final List<Object> args = new ArrayList<>();
    final Timestamp from;

    Filter(EvaluationQuery query) {
      List<String> paths = query.paths();
      StringBuilder sql = new StringBuilder(" from act_hi_procinst p join " + ClientCaseRecords.evaluationView()
          + " c on c.case_number = p.business_key_ where p.proc_def_key_ in (" + String.join(", ", paths.stream().map(path -> "?").toList()) + ")"
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
  void instances(Filter filter, EvaluationCalendar calendar, Tally tally) {
    String activities = String.join(", ", ACTIVITIES.stream().map(activity -> "'" + activity + "'").toList());
    String sql = "select p.proc_def_key_, c.client_id, p.start_time_, p.end_act_id_, p.end_time_,"
        + " r.way_in, h.way_in, h.booked_at, h.checked_at, o.job_loss_at, o.follow_on_path, o.client_experience, h.route,"
        + " a.triaged, a.breached, a.mapped, a.reviewed, a.taken_over, a.invited"
        + " from act_hi_procinst p join " + ClientCaseRecords.evaluationView() + " c on c.case_number = p.business_key_"
        + " left join " + ReferralRecords.evaluationView() + " r on r.process_instance_id = p.id_"
        + " left join " + HealthCheckRecords.evaluationView() + " h on h.case_number = p.business_key_"
        + " and p.proc_def_key_ = '" + HealthCheckModel.PROCESS_KEY + "'"
        + " left join " + HandoverRecords.evaluationView() + " o on o.case_number = p.business_key_"
        + " and p.proc_def_key_ = '" + OhHandoverModel.PROCESS_KEY + "'"
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
      String wayIn = TeReferralModel.PROCESS_KEY.equals(path.path) ? (rs.getString(6) == null ? "tasklist" : rs.getString(6))
          : HealthCheckModel.PROCESS_KEY.equals(path.path) ? rs.getString(7) : "occupational-health";
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
      if (TeReferralModel.PROCESS_KEY.equals(path.path)) {
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
      } else if (OhHandoverModel.PROCESS_KEY.equals(path.path)) {
        calendar.lead(tally.leadTimes.get("job-loss-to-coordinator"), calendar.instantWithZone(rs, 10), calendar.instant(rs, 18));
        count(path.followOn, rs.getString(11));
        if (rs.getObject(12) != null) {
          path.experience.add(rs.getInt(12));
        }
      } else {
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
    }, filter.args(filter.from));
  }

  /** The ids of the path's instances the filter selects (for the modules that count their own records of them). */
  List<String> instanceIds(Filter filter, String path) {
    List<Object> args = new ArrayList<>(Arrays.asList(filter.args()));
    args.add(path);
    return jdbc.queryForList(filter.instanceIds() + " and p.proc_def_key_ = ?", String.class, args.toArray());
  }

  /** The clients the tally met on any path. */
  static List<Long> clients(Tally tally) {
    BitSet all = new BitSet();
    tally.paths.values().forEach(path -> all.or(path.clients));
    return all.stream().mapToObj(client -> (long) client).toList();
  }

  private static void count(Map<String, Long> counts, String code) {
    if (code != null) {
      counts.merge(code, 1L, Long::sum);
    }
  }
}
