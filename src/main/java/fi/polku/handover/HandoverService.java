package fi.polku.handover;

import fi.polku.calendar.WorkingDays;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Path 3 records: the hand-over, the billing split of the extended health check, the take-over. */
@Service
public class HandoverService {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  HandoverService(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the hand-over of a case just opened (by {@link HandoverIntake}); its id. */
  long record(String caseNumber, String provider, String employer, LocalDate employmentEndDate, String startedBy) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into handover (case_number, provider, employer,"
          + " employment_end_date, started_by, created_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      statement.setString(1, caseNumber);
      statement.setString(2, provider);
      statement.setString(3, employer);
      statement.setObject(4, employmentEndDate);
      statement.setString(5, startedBy);
      statement.setTimestamp(6, Timestamp.from(clock.instant()));
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  /** Records the screening's answer. */
  public void recordScreening(long handoverId, boolean inTargetGroup) {
    jdbc.update("update handover set in_target_group = ? where id = ?", inTargetGroup, handoverId);
  }

  /**
   * Records the two parts of the extended health check with their payers: the statutory part to
   * the employer, the pilot part to the programme, in the month the check was recorded.
   */
  @Transactional
  public void recordBilling(String caseNumber, int statutoryMinutes, int pilotMinutes) {
    String provider = jdbc.queryForObject("select provider from handover where case_number = ?", String.class, caseNumber);
    String month = YearMonth.now(clock.withZone(WorkingDays.FINLAND)).toString();
    jdbc.update("delete from handover_billing where case_number = ?", caseNumber);
    for (Object[] part : new Object[][] {{"statutory", "employer", statutoryMinutes}, {"pilot", "programme", pilotMinutes}}) {
      jdbc.update("insert into handover_billing (case_number, part, payer, provider, billing_month, minutes, recorded_at)"
          + " values (?, ?, ?, ?, ?, ?, ?)", caseNumber, part[0], part[1], provider, month, part[2], Timestamp.from(clock.instant()));
    }
  }

  /** One line of the billing report. */
  public record BillingLine(String provider, String month, String part, String payer, int checks, int minutes) {}

  /** The billing split of a provider's extended health checks in a month. */
  public List<BillingLine> billing(String provider, YearMonth month) {
    return jdbc.query("select provider, billing_month, part, payer, count(*), sum(minutes) from handover_billing"
            + " where provider = ? and billing_month = ? group by provider, billing_month, part, payer order by part desc",
        (rs, row) -> new BillingLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getInt(6)), provider, month.toString());
  }

  /** How a job-loss report was taken. */
  public enum JobLoss { RECORDED, ALREADY_REPORTED }

  /** Records the job loss once; a repeated report changes nothing. */
  @Transactional
  public JobLoss recordJobLoss(String caseNumber, String reportedBy) {
    int updated = jdbc.update("update handover set job_loss_at = ?, job_loss_reported_by = ? where case_number = ?"
        + " and job_loss_at is null", Timestamp.from(clock.instant()), reportedBy, caseNumber);
    return updated == 1 ? JobLoss.RECORDED : JobLoss.ALREADY_REPORTED;
  }

  /** Records a corrected expected end of employment (the grace-period timer is set again from it). */
  public void correctEndDate(String caseNumber, LocalDate employmentEndDate) {
    jdbc.update("update handover set employment_end_date = ? where case_number = ?", employmentEndDate, caseNumber);
  }

  /** Whether the case has a hand-over. */
  public boolean exists(String caseNumber) {
    Integer count = jdbc.queryForObject("select count(*) from handover where case_number = ?", Integer.class, caseNumber);
    return count != null && count > 0;
  }

  /** Records the coordinator's take-over: case manager, follow-on path and client experience. */
  public void recordTakeOver(String caseNumber, String caseManager, String followOnPath, Integer clientExperience) {
    jdbc.update("update handover set case_manager = ?, follow_on_path = ?, client_experience = ? where case_number = ?",
        caseManager, followOnPath, clientExperience, caseNumber);
  }

  /** What the extended health check found, for a summary under a health-scope consent. */
  public record CheckContent(String findings, boolean rehabilitationNeed, String healthPlan) {}

  /**
   * The hand-over summary the coordinator reads: the path's facts and, when {@code check} is given
   * (a health-scope consent is in force), the extended check's findings, rehabilitation need and
   * health plan, so the client need not tell them again.
   */
  public String summary(String caseNumber, CheckContent check) {
    return summary(caseNumber) + (check == null
        ? "\n\nTerveystarkastuksen havainnot eivät siirry: asiakkaan suostumus ei kata terveystietoja."
        : "\n\nLaajennetun terveystarkastuksen havainnot: " + orDash(check.findings())
            + "\nKuntoutustarve: " + (check.rehabilitationNeed()
                ? "kyllä (kuntoutustarveilmoitus työeläkelaitokselle tai Kelalle)" : "ei")
            + "\nTerveyssuunnitelma: " + orDash(check.healthPlan()));
  }

  /** The hand-over's facts (provider, employer, end of employment, check done): no health findings. */
  public String summary(String caseNumber) {
    Map<String, Object> row = jdbc.queryForMap("select provider, employer, employment_end_date from handover"
        + " where case_number = ?", caseNumber);
    List<Map<String, Object>> billing = jdbc.queryForList("select part from handover_billing where case_number = ?", caseNumber);
    return "Työterveyshuolto: " + row.get("provider") + "\nTyönantaja: " + row.get("employer")
        + "\nTyösuhteen päättymispäivä: " + row.get("employment_end_date")
        + "\nLaajennettu terveystarkastus tehty: " + (billing.size() == 2 ? "kyllä (lakisääteinen osa ja pilottiosa)" : "ei");
  }

  private static String orDash(String text) {
    return text == null || text.isBlank() ? "–" : text;
  }
}
