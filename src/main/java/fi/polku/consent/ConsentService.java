package fi.polku.consent;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.ClientCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent register. {@link #allows} is what every step asks at the moment information
 * crosses an agency boundary; every answer is written to the audit trail.
 */
@Service
public class ConsentService {

  /** Consent dates are the client's calendar days in Finland. */

  private final JdbcTemplate jdbc;
  private final ClientCaseService cases;
  private final Clock clock;

  ConsentService(JdbcTemplate jdbc, ClientCaseService cases, Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.clock = clock;
  }

  /** Records a consent the client gave, for the client of the case. */
  @Transactional
  public Consent give(String caseNumber, NewConsent consent, String recordedBy) {
    ClientCase clientCase = cases.get(caseNumber);
    if (consent.scope() == ConsentScope.EMPLOYER && consent.fromAgency() != consent.toAgency()) {
      throw new InvalidConsentException("toAgency", "must equal fromAgency for scope employer: the employer is told by"
          + " the agency's own job coach");
    }
    if (consent.scope() != ConsentScope.EMPLOYER && consent.fromAgency() == consent.toAgency()) {
      throw new InvalidConsentException("toAgency", "must differ from fromAgency: a consent is for passing information between agencies");
    }
    if (consent.validUntil().isBefore(consent.givenOn())) {
      throw new InvalidConsentException("validUntil", "must not be before givenOn");
    }
    if (consent.givenOn().isAfter(LocalDate.now(clock.withZone(WorkingDays.FINLAND)))) {
      throw new InvalidConsentException("givenOn", "must not be in the future");
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Instant now = clock.instant();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement(
          "insert into consent (client_id, case_number, from_agency, to_agency, scope, given_on, valid_until,"
              + " recorded_at, recorded_by, channel) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      statement.setLong(1, clientCase.clientId());
      statement.setString(2, caseNumber);
      statement.setString(3, consent.fromAgency().code());
      statement.setString(4, consent.toAgency().code());
      statement.setString(5, consent.scope().code());
      statement.setObject(6, consent.givenOn());
      statement.setObject(7, consent.validUntil());
      statement.setTimestamp(8, Timestamp.from(now));
      statement.setString(9, recordedBy);
      statement.setString(10, consent.channel() == null ? null : consent.channel().code());
      return statement;
    }, key);
    return get(caseNumber, key.getKey().longValue());
  }

  /** Withdraws the consent now; every later check finds it withdrawn. Withdrawing twice keeps the first time. */
  @Transactional
  public Consent withdraw(String caseNumber, long consentId, String withdrawnBy) {
    Consent consent = get(caseNumber, consentId);
    if (consent.withdrawnAt() == null) {
      jdbc.update("update consent set withdrawn_at = ?, withdrawn_by = ? where id = ? and withdrawn_at is null",
          Timestamp.from(clock.instant()), withdrawnBy, consentId);
    }
    return get(caseNumber, consentId);
  }

  /** The consents of the case's client, newest first. */
  public List<Consent> list(String caseNumber) {
    ClientCase clientCase = cases.get(caseNumber);
    return jdbc.query("select * from consent where client_id = ? order by recorded_at desc, id desc",
        ConsentService::consent, clientCase.clientId());
  }

  /** One consent of the case's client. */
  public Consent get(String caseNumber, long consentId) {
    ClientCase clientCase = cases.get(caseNumber);
    return jdbc.query("select * from consent where id = ? and client_id = ?", ConsentService::consent,
            consentId, clientCase.clientId())
        .stream().findFirst().orElseThrow(() -> new ConsentNotFoundException(caseNumber, consentId));
  }

  /**
   * Whether the client of the case allows information of the scope to pass from one agency to
   * another at the given moment. The answer, and the consent it rests on, go to the audit trail.
   *
   * @param checkedBy the user or step asking (e.g. {@code process:te-referral/Task_SendPlan})
   * @param purpose why the information would cross, in a few words
   */
  @Transactional
  public boolean allows(String caseNumber, Agency from, Agency to, ConsentScope scope, Instant at,
      String checkedBy, String purpose) {
    ClientCase clientCase = cases.get(caseNumber);
    LocalDate day = at.atZone(WorkingDays.FINLAND).toLocalDate();
    Optional<Long> consentId = jdbc.queryForList(
        "select id from consent where client_id = ? and from_agency = ? and to_agency = ? and scope = ?"
            + " and given_on <= ? and valid_until >= ? and (withdrawn_at is null or withdrawn_at > ?)"
            + " order by valid_until desc, id desc",
        Long.class, clientCase.clientId(), from.code(), to.code(), scope.code(), day, day, Timestamp.from(at))
        .stream().findFirst();
    jdbc.update("insert into consent_check (checked_at, case_number, from_agency, to_agency, scope, allowed,"
            + " consent_id, checked_by, purpose) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        Timestamp.from(clock.instant()), caseNumber, from.code(), to.code(), scope.code(),
        consentId.isPresent(), consentId.orElse(null), checkedBy, purpose);
    return consentId.isPresent();
  }

  /**
   * The agencies that a consent in force now lets information of the case's client reach, whatever
   * its scope: with the agency that opened the case, the ones that take part in it.
   */
  public Set<Agency> recipientsInForce(String caseNumber) {
    ClientCase clientCase = cases.get(caseNumber);
    Instant now = clock.instant();
    LocalDate day = now.atZone(WorkingDays.FINLAND).toLocalDate();
    Set<Agency> recipients = EnumSet.noneOf(Agency.class);
    // A consent to tell the employer lets nothing reach another agency.
    jdbc.queryForList("select distinct to_agency from consent where client_id = ? and given_on <= ?"
            + " and valid_until >= ? and (withdrawn_at is null or withdrawn_at > ?) and scope <> ?",
        String.class, clientCase.clientId(), day, day, Timestamp.from(now), ConsentScope.EMPLOYER.code())
        .forEach(code -> recipients.add(Agency.fromCode(code)));
    return recipients;
  }

  /** {@link #allows(String, Agency, Agency, ConsentScope, Instant, String, String)} now. */
  public boolean allows(String caseNumber, Agency from, Agency to, ConsentScope scope, String checkedBy, String purpose) {
    return allows(caseNumber, from, to, scope, clock.instant(), checkedBy, purpose);
  }

  /** The audit trail of consent checks, newest first, optionally of one case. */
  public List<ConsentCheck> checks(String caseNumber, int limit) {
    if (caseNumber == null) {
      return jdbc.query("select * from consent_check order by checked_at desc, id desc limit ?",
          ConsentService::check, limit);
    }
    return jdbc.query("select * from consent_check where case_number = ? order by checked_at desc, id desc limit ?",
        ConsentService::check, caseNumber, limit);
  }

  private static Consent consent(ResultSet rs, int row) throws SQLException {
    return new Consent(rs.getLong("id"), rs.getString("case_number"),
        Agency.fromCode(rs.getString("from_agency")), Agency.fromCode(rs.getString("to_agency")),
        ConsentScope.fromCode(rs.getString("scope")), rs.getObject("given_on", LocalDate.class),
        rs.getObject("valid_until", LocalDate.class), instant(rs.getTimestamp("withdrawn_at")),
        rs.getString("withdrawn_by"), instant(rs.getTimestamp("recorded_at")), rs.getString("recorded_by"),
        rs.getString("channel") == null ? null : ConsentChannel.fromCode(rs.getString("channel")));
  }

  private static ConsentCheck check(ResultSet rs, int row) throws SQLException {
    Number consentId = (Number) rs.getObject("consent_id");
    return new ConsentCheck(rs.getLong("id"), instant(rs.getTimestamp("checked_at")), rs.getString("case_number"),
        Agency.fromCode(rs.getString("from_agency")), Agency.fromCode(rs.getString("to_agency")),
        ConsentScope.fromCode(rs.getString("scope")), rs.getBoolean("allowed"),
        consentId == null ? null : consentId.longValue(), rs.getString("checked_by"), rs.getString("purpose"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
