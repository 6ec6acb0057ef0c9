package fi.polku.supported;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The records of the supported-employment path (migration V19): the coaching, the vocational
 * profile, every employer contact, the jobs and their follow-ups. Nothing here is for the employer.
 */
@Service
@EnableConfigurationProperties(SupportedEmploymentProperties.class)
class SupportedEmployments {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  SupportedEmployments(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One client's coaching as stored. */
  record Coaching(long id, String caseNumber, String processInstanceId, Long onwardReferralId, String entryRoute,
      String coach, Instant startedAt, String cooperation, String endState, Instant endedAt) {}

  /** One job agreed with an employer. */
  record Job(long id, long supportedEmploymentId, String employer, String jobTitle, LocalDate startDate,
      BigDecimal weeklyHours, String arrangement, Long employerConsentId, String employerDisclosure,
      LocalDate endedOn) {}

  /** What the agreement with the employer says. */
  record NewJob(String employer, String jobTitle, LocalDate startDate, BigDecimal weeklyHours, String arrangement,
      Long employerConsentId, String employerDisclosure) {}

  long register(String caseNumber, String processInstanceId, Long onwardReferralId, String entryRoute, String coach) {
    return insert("insert into supported_employment (case_number, process_instance_id, onward_referral_id, entry_route,"
        + " coach, started_at) values (?, ?, ?, ?, ?, ?)", caseNumber, processInstanceId, onwardReferralId, entryRoute,
        coach, now());
  }

  Coaching get(long id) {
    return jdbc.queryForObject("select * from supported_employment where id = ?", SupportedEmployments::coaching, id);
  }

  Optional<Coaching> ofProcessInstance(String processInstanceId) {
    return jdbc.query("select * from supported_employment where process_instance_id = ?",
        SupportedEmployments::coaching, processInstanceId).stream().findFirst();
  }

  void cooperation(long id, String cooperation) {
    jdbc.update("update supported_employment set cooperation = ?, cooperation_at = ? where id = ?", cooperation, now(), id);
  }

  void profile(long id, String workHistory, String education, String skills, String workWishes, Integer kykyviisari,
      boolean discussed, String by) {
    insert("insert into supported_employment_profile (supported_employment_id, work_history, education, skills,"
        + " work_wishes, kykyviisari_score, kykyviisari_discussed, recorded_at, recorded_by)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, workHistory, education, skills, workWishes, kykyviisari, discussed,
        now(), by);
  }

  void contact(long id, String employer, LocalDate date, String outcome, String by) {
    insert("insert into supported_employment_contact (supported_employment_id, employer, contact_date, outcome,"
        + " recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)", id, employer, Date.valueOf(date), outcome, now(), by);
  }

  int contactCount(long id) {
    return jdbc.queryForObject("select count(*) from supported_employment_contact where supported_employment_id = ?",
        Integer.class, id);
  }

  /** The day the search last moved: the last employer contact or the last job that ended, if any. */
  Optional<LocalDate> lastContactOrJobEnd(long id) {
    LocalDate contact = jdbc.queryForObject("select max(contact_date) from supported_employment_contact"
        + " where supported_employment_id = ?", LocalDate.class, id);
    LocalDate jobEnd = jdbc.queryForObject("select max(ended_on) from supported_employment_job"
        + " where supported_employment_id = ?", LocalDate.class, id);
    if (contact == null || (jobEnd != null && jobEnd.isAfter(contact))) {
      return Optional.ofNullable(jobEnd);
    }
    return Optional.of(contact);
  }

  long job(long id, NewJob job, String by) {
    return insert("insert into supported_employment_job (supported_employment_id, employer, job_title, start_date,"
        + " weekly_hours, arrangement, employer_consent_id, employer_disclosure, recorded_at, recorded_by)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, job.employer(), job.jobTitle(), Date.valueOf(job.startDate()),
        job.weeklyHours(), job.arrangement(), job.employerConsentId(), job.employerDisclosure(), now(), by);
  }

  Job getJob(long jobId) {
    return jdbc.queryForObject("select * from supported_employment_job where id = ?", (rs, row) -> new Job(
        rs.getLong("id"), rs.getLong("supported_employment_id"), rs.getString("employer"), rs.getString("job_title"),
        rs.getObject("start_date", LocalDate.class), rs.getBigDecimal("weekly_hours"), rs.getString("arrangement"),
        (Long) rs.getObject("employer_consent_id", Long.class), rs.getString("employer_disclosure"),
        rs.getObject("ended_on", LocalDate.class)), jobId);
  }

  void jobEnded(long jobId, LocalDate on, String reason) {
    jdbc.update("update supported_employment_job set ended_on = ?, end_reason = ? where id = ? and ended_on is null",
        Date.valueOf(on), reason, jobId);
  }

  void followUp(long jobId, String label, String clientView, String employerView, String jobStatus, Integer kykyviisari,
      String by) {
    insert("insert into supported_employment_follow_up (job_id, label, client_view, employer_view, job_status,"
        + " kykyviisari_score, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)", jobId, label, clientView,
        employerView, jobStatus, kykyviisari, now(), by);
  }

  void close(long id, String endState) {
    jdbc.update("update supported_employment set end_state = ?, ended_at = ? where id = ? and end_state is null",
        endState, now(), id);
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private long insert(String sql, Object... args) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement(sql, new String[] {"id"});
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  private static Coaching coaching(ResultSet rs, int row) throws SQLException {
    Timestamp ended = rs.getTimestamp("ended_at");
    return new Coaching(rs.getLong("id"), rs.getString("case_number"), rs.getString("process_instance_id"),
        rs.getObject("onward_referral_id", Long.class), rs.getString("entry_route"), rs.getString("coach"),
        rs.getTimestamp("started_at").toInstant(), rs.getString("cooperation"), rs.getString("end_state"),
        ended == null ? null : ended.toInstant());
  }
}
