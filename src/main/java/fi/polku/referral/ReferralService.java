package fi.polku.referral;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientCase;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.NewCase;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Referrals of path 1: intake, closed-loop status with its history, mapping and outcomes. */
@Service
public class ReferralService {

  private final JdbcTemplate jdbc;
  private final ClientCaseService cases;
  private final ConsentService consents;
  private final Clock clock;

  ReferralService(JdbcTemplate jdbc, ClientCaseService cases, ConsentService consents, Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.consents = consents;
    this.clock = clock;
  }

  /** A referral as the coordinator makes it (from the Tasklist form or the API). */
  public record NewReferral(
      PersonalIdentityCode identityCode,
      String clientName,
      String clientEmail,
      String clientPhone,
      String municipality,
      Integer unemploymentMonths,
      Map<String, Boolean> criteria,
      String reason,
      String question,
      String clientGoal,
      String clientMotivation,
      boolean consentGiven,
      boolean consentHealth,
      LocalDate consentValidUntil) {}

  /** What intake created. */
  public record Intake(String caseNumber, long referralId) {}

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
   * Opens the case, records the referral (status requested) and the consent the client gave.
   *
   * @throws OpenReferralExistsException when the client already has an open referral
   */
  @Transactional
  public Intake open(NewReferral referral, Agency agency, String referredBy, String wayIn) {
    openReferralOf(referral.identityCode()).ifPresent(open -> {
      throw new OpenReferralExistsException(open);
    });
    ClientCase clientCase = cases.openCase(new NewCase(referral.identityCode(), referral.clientName(),
        referral.clientEmail(), referral.clientPhone(), referral.municipality(), agency, referredBy));
    long referralId = insert(clientCase, referredBy, agency, wayIn, referral.unemploymentMonths(), referral.criteria(),
        referral.reason(), referral.question(), referral.clientGoal(), referral.clientMotivation());
    if (referral.consentGiven()) {
      // Only a consented referral reaches the sote centre; a returned one leaves it outside the case.
      cases.join(clientCase.caseNumber(), Agency.SOTE);
      LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Helsinki")));
      LocalDate until = referral.consentValidUntil() != null ? referral.consentValidUntil() : today.plusYears(1);
      List<ConsentScope> scopes = referral.consentHealth()
          ? List.of(ConsentScope.STATUS, ConsentScope.PLAN, ConsentScope.HEALTH)
          : List.of(ConsentScope.STATUS, ConsentScope.PLAN);
      for (ConsentScope scope : scopes) {
        // Both ways: the referral goes to the sote centre and the plan comes back.
        consents.give(clientCase.caseNumber(), new NewConsent(Agency.TE, Agency.SOTE, scope, today, until), referredBy);
        consents.give(clientCase.caseNumber(), new NewConsent(Agency.SOTE, Agency.TE, scope, today, until), referredBy);
      }
    }
    return new Intake(clientCase.caseNumber(), referralId);
  }

  /**
   * Takes in a referral of a client whose case is already open (another path sent it by message):
   * no identity code is needed, and the consent was recorded by the path that sent it.
   */
  @Transactional
  public long openForCase(String caseNumber, Map<String, Boolean> criteria, String reason, String question,
      String referredBy, String wayIn) {
    ClientCase clientCase = cases.get(caseNumber);
    // The work-ability team is the sote centre's; employment services take part only by their own
    // opening or a consent to them, not because another path sent the client to the team.
    cases.join(caseNumber, Agency.SOTE);
    return insert(clientCase, referredBy, Agency.TE, wayIn, null, criteria, reason, question, null, null);
  }

  /** Inserts the referral in status requested, with the first row of its status history. */
  private long insert(ClientCase clientCase, String referredBy, Agency agency, String wayIn, Integer unemploymentMonths,
      Map<String, Boolean> criteria, String reason, String question, String clientGoal, String clientMotivation) {
    Instant now = clock.instant();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into referral (case_number, client_id, referred_by,"
          + " referring_agency, unemployment_months, partial_work_ability, long_term_unemployed,"
          + " unmapped_health_problems, unclear_overall_situation, missing_education, needs_several_services,"
          + " employed, reason, question, client_goal, client_motivation, status, status_changed_at, created_at,"
          + " way_in) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      int i = 0;
      statement.setString(++i, clientCase.caseNumber());
      statement.setLong(++i, clientCase.clientId());
      statement.setString(++i, referredBy);
      statement.setString(++i, agency.code());
      statement.setObject(++i, unemploymentMonths);
      for (String criterion : CRITERIA) {
        statement.setBoolean(++i, Boolean.TRUE.equals(criteria.get(criterion)));
      }
      statement.setString(++i, reason);
      statement.setString(++i, question);
      statement.setString(++i, clientGoal);
      statement.setString(++i, clientMotivation);
      statement.setString(++i, ReferralStatus.REQUESTED.code());
      statement.setTimestamp(++i, Timestamp.from(now));
      statement.setTimestamp(++i, Timestamp.from(now));
      statement.setString(++i, wayIn);
      return statement;
    }, key);
    long referralId = key.getKey().longValue();
    history(referralId, ReferralStatus.REQUESTED, null, referredBy);
    return referralId;
  }

  /** The order of the client criteria in the referral table (and of the triage DMN's inputs). */
  public static final List<String> CRITERIA = List.of("partialWorkAbility", "longTermUnemployed",
      "unmappedHealthProblems", "unclearOverallSituation", "missingEducation", "needsSeveralServices", "employed");

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

  /** The client criteria of the referral, as the triage decision reads them. */
  public Map<String, Object> criteria(long referralId) {
    Map<String, Object> row = jdbc.queryForMap("select * from referral where id = ?", referralId);
    Map<String, Object> criteria = new java.util.LinkedHashMap<>();
    criteria.put("partialWorkAbility", row.get("partial_work_ability"));
    criteria.put("longTermUnemployed", row.get("long_term_unemployed"));
    criteria.put("unmappedHealthProblems", row.get("unmapped_health_problems"));
    criteria.put("unclearOverallSituation", row.get("unclear_overall_situation"));
    criteria.put("missingEducation", row.get("missing_education"));
    criteria.put("needsSeveralServices", row.get("needs_several_services"));
    criteria.put("employed", row.get("employed"));
    return criteria;
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
