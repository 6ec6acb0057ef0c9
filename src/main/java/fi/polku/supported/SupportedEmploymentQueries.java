package fi.polku.supported;

import fi.polku.calendar.WorkingDays;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The evaluation's read of the path: four queries per report, whatever the number of clients. */
@Component
class SupportedEmploymentQueries implements SupportedEmploymentRecords {

  private final JdbcTemplate jdbc;

  SupportedEmploymentQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Coaching> coachings(LocalDate from, LocalDate to, Optional<String> municipality) {
    StringBuilder where = new StringBuilder(" from supported_employment s join client_case c on c.case_number = s.case_number"
        + " where s.started_at >= ? and s.started_at < ?");
    List<Object> args = new ArrayList<>(List.of(
        Timestamp.from(from.atStartOfDay(WorkingDays.FINLAND).toInstant()),
        Timestamp.from(to.plusDays(1).atStartOfDay(WorkingDays.FINLAND).toInstant())));
    municipality.ifPresent(name -> {
      where.append(" and lower(c.municipality) = lower(?)");
      args.add(name);
    });
    String ids = "select s.id" + where;
    Map<Long, LocalDate> firstContact = new HashMap<>();
    jdbc.query("select supported_employment_id, min(contact_date) from supported_employment_contact"
        + " where supported_employment_id in (" + ids + ") group by supported_employment_id",
        rs -> { firstContact.put(rs.getLong(1), rs.getObject(2, LocalDate.class)); }, args.toArray());
    Map<Long, List<JobSpell>> jobs = new HashMap<>();
    jdbc.query("select supported_employment_id, start_date, arrangement, ended_on from supported_employment_job"
        + " where supported_employment_id in (" + ids + ") order by start_date, id",
        rs -> { jobs.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new JobSpell(
            rs.getObject(2, LocalDate.class), rs.getString(3), rs.getObject(4, LocalDate.class))); }, args.toArray());
    Map<Long, Integer> firstScore = new HashMap<>();
    jdbc.query("select supported_employment_id, kykyviisari_score from supported_employment_profile"
        + " where kykyviisari_score is not null and supported_employment_id in (" + ids + ") order by recorded_at desc, id desc",
        rs -> { firstScore.put(rs.getLong(1), rs.getInt(2)); }, args.toArray());
    Map<Long, Integer> lastScore = new HashMap<>();
    jdbc.query("select j.supported_employment_id, f.kykyviisari_score from supported_employment_follow_up f"
        + " join supported_employment_job j on j.id = f.job_id where f.kykyviisari_score is not null"
        + " and j.supported_employment_id in (" + ids + ") order by f.recorded_at, f.id",
        rs -> { lastScore.put(rs.getLong(1), rs.getInt(2)); }, args.toArray());
    Map<Long, Coaching> coachings = new LinkedHashMap<>();
    jdbc.query("select s.id, s.started_at, s.cooperation, s.end_state, s.ended_at" + where + " order by s.started_at, s.id",
        rs -> {
          long id = rs.getLong(1);
          Timestamp ended = rs.getTimestamp(5);
          coachings.put(id, new Coaching(id, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
              ended == null ? null : ended.toInstant(), firstContact.get(id), List.copyOf(jobs.getOrDefault(id, List.of())),
              firstScore.get(id), lastScore.get(id)));
        }, args.toArray());
    return List.copyOf(coachings.values());
  }
}
