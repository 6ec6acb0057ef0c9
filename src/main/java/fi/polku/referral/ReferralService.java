package fi.polku.referral;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientCase;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.PersonalIdentityCode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of path 1: the referral row (taken in only by {@link ReferralIntake}), its closed-loop
 * status with its history, the mapping and the outcomes.
 */
@Service
public class ReferralService {

  private final JdbcTemplate jdbc;
  private final ClientCaseService cases;
  private final Clock clock;

  ReferralService(JdbcTemplate jdbc, ClientCaseService cases, Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.clock = clock;
  }

  /** The open referral's case, if the client already has one in progress. */
  public Optional<String> openReferralOf(PersonalIdentityCode identityCode) {
    List<String> caseNumbers = cases.caseNumbersOf(identityCode);
    if (caseNumbers.isEmpty()) {
      return Optional.empty();
    }
    String placeholders = String.join(",", caseNumbers.stream().map(number -> "?").toList());
    List<Object> args = new java.util.ArrayList<>(caseNumbers);
    ReferralStatus.CLOSED.forEach(status -> args.add(status.code()));
    return jdbc.queryForList("select case_number from referral where case_number in (" + placeholders + ")"
        + " and status not in (?, ?, ?) order by created_at desc", String.class, args.toArray()).stream().findFirst();
  }

  /**
   * Records the referral in status requested, with the first row of its status history: the
   * criteria each in its column, and the client's own words when the referrer gave them.
   */
  long record(ClientCase clientCase, ReferralRequest request, Integer unemploymentMonths, String clientGoal,
      String clientMotivation) {
    Instant now = clock.instant();
    List<String> criteria = ReferralCriteria.names();
    Map<String, Object> answers = request.criteria().asVariables();
    String columns = String.join(", ", criteria.stream().map(ReferralCriteria::column).toList());
    String marks = String.join(", ", criteria.stream().map(name -> "?").toList());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into referral (case_number, client_id, referred_by,"
          + " referring_agency, unemployment_months, " + columns + ", reason, question, client_goal,"
          + " client_motivation, status, status_changed_at, created_at, way_in) values (?, ?, ?, ?, ?, " + marks
          + ", ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      int i = 0;
      statement.setString(++i, clientCase.caseNumber());
      statement.setLong(++i, clientCase.clientId());
      statement.setString(++i, request.referredBy());
      statement.setString(++i, Agency.TE.code());
      statement.setObject(++i, unemploymentMonths);
      for (String criterion : criteria) {
        statement.setBoolean(++i, (Boolean) answers.get(criterion));
      }
      statement.setString(++i, request.reason());
      statement.setString(++i, request.question());
      statement.setString(++i, clientGoal);
      statement.setString(++i, clientMotivation);
      statement.setString(++i, ReferralStatus.REQUESTED.code());
      statement.setTimestamp(++i, Timestamp.from(now));
      statement.setTimestamp(++i, Timestamp.from(now));
      statement.setString(++i, request.wayIn());
      return statement;
    }, key);
    long referralId = key.getKey().longValue();
    history(referralId, ReferralStatus.REQUESTED, null, request.referredBy());
    return referralId;
  }

  /** Links the referral to its process instance. */
  public void attachProcess(long referralId, String processInstanceId) {
    jdbc.update("update referral set process_instance_id = ? where id = ?", processInstanceId, referralId);
  }

  /** Moves the referral to a status, with the reason and who did it, into its history. */
  @Transactional
  public void changeStatus(long referralId, ReferralStatus status, String reason, String by) {
    jdbc.update("update referral set status = ?, status_reason = ?, status_changed_at = ? where id = ?",
        status.code(), reason, Timestamp.from(clock.instant()), referralId);
    history(referralId, status, reason, by);
  }

  /** The referral's current status. */
  public ReferralStatus status(long referralId) {
    return ReferralStatus.fromCode(jdbc.queryForObject("select status from referral where id = ?", String.class, referralId));
  }

  /** One change of the referral's status. */
  public record StatusChange(ReferralStatus status, String statusName, String reason, Instant at, String by) {}

  /** The referral's status history, oldest first. */
  public List<StatusChange> history(String caseNumber) {
    return jdbc.query("select h.status, h.reason, h.changed_at, h.changed_by from referral_status_history h"
            + " join referral r on r.id = h.referral_id where r.case_number = ? order by h.changed_at, h.id",
        (rs, row) -> {
          ReferralStatus status = ReferralStatus.fromCode(rs.getString(1));
          return new StatusChange(status, status.finnishName(), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4));
        }, caseNumber);
  }

  /** Who made the referral (a user id), for notices back to the referrer. */
  public String referredBy(long referralId) {
    return jdbc.queryForObject("select referred_by from referral where id = ?", String.class, referralId);
  }

  /** The client's own words on the referral: goal and motivation ({@code high}, {@code moderate}, {@code low}). */
  public record ClientGoal(String goal, String motivation) {}

  /** The client's own goal and motivation as the referrer recorded them (null when not given). */
  public ClientGoal clientGoal(long referralId) {
    return jdbc.queryForObject("select client_goal, client_motivation from referral where id = ?",
        (rs, row) -> new ClientGoal(rs.getString(1), rs.getString(2)), referralId);
  }

  /** Records what the work-ability team agreed, for the programme evaluation. */
  public void recordMapping(long referralId, List<String> followOnPaths, String caseManager, String whodasFlag,
      Integer whodasSum, String by) {
    jdbc.update("delete from referral_mapping where referral_id = ?", referralId);
    jdbc.update("insert into referral_mapping (referral_id, follow_on_paths, case_manager, whodas_flag, whodas_sum,"
            + " recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?)",
        referralId, String.join(",", followOnPaths), caseManager, whodasFlag, whodasSum,
        Timestamp.from(clock.instant()), by);
  }

  /** Records the outcome at a follow-up (3 or 6 months) and the client's satisfaction. */
  public void recordOutcome(long referralId, int months, String outcome, Integer satisfaction, String by) {
    jdbc.update("delete from referral_outcome where referral_id = ? and months = ?", referralId, months);
    jdbc.update("insert into referral_outcome (referral_id, months, outcome, satisfaction, recorded_at, recorded_by)"
        + " values (?, ?, ?, ?, ?, ?)", referralId, months, outcome, satisfaction, Timestamp.from(clock.instant()), by);
  }

  private void history(long referralId, ReferralStatus status, String reason, String by) {
    jdbc.update("insert into referral_status_history (referral_id, status, reason, changed_at, changed_by)"
        + " values (?, ?, ?, ?, ?)", referralId, status.code(), reason, Timestamp.from(clock.instant()), by);
  }
}
