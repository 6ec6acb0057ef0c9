package fi.polku.healthcheck;

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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Path 2 records: who was invited or came, when they booked, how the check routed them. */
@Service
public class HealthCheckService {

  /** A client is invited at most once in this long (the eligibility rule's 12 months). */
  static final Duration ONCE_PER = Duration.ofDays(365);

  private final JdbcTemplate jdbc;
  private final ClientCaseService cases;
  private final ConsentService consents;
  private final Clock clock;

  HealthCheckService(JdbcTemplate jdbc, ClientCaseService cases, ConsentService consents, Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.consents = consents;
    this.clock = clock;
  }

  /** A client to invite, or a referral, or a walk-in. */
  public record NewHealthCheck(PersonalIdentityCode identityCode, String clientName, String clientEmail,
      String clientPhone, String municipality, String wayIn, String priority, Agency agency, String requestedBy) {}

  /** What intake created. */
  public record Intake(String caseNumber, long healthCheckId) {}

  /** The case of the client's health check of the last 12 months, if any: a re-sent row invites nobody twice. */
  public Optional<String> recentCheckOf(PersonalIdentityCode identityCode) {
    List<String> caseNumbers = cases.caseNumbersOf(identityCode);
    if (caseNumbers.isEmpty()) {
      return Optional.empty();
    }
    String in = String.join(",", caseNumbers.stream().map(number -> "?").toList());
    List<Object> args = new java.util.ArrayList<>(caseNumbers);
    args.add(Timestamp.from(clock.instant().minus(ONCE_PER)));
    return jdbc.queryForList("select case_number from health_check where case_number in (" + in + ")"
        + " and created_at > ? order by created_at desc", String.class, args.toArray()).stream().findFirst();
  }

  /** Opens the case and the health-check record; the sote centre takes part from the start. */
  @Transactional
  public Intake open(NewHealthCheck check) {
    ClientCase clientCase = cases.openCase(new NewCase(check.identityCode(), check.clientName(), check.clientEmail(),
        check.clientPhone(), check.municipality(), check.agency(), check.requestedBy()));
    // The sote centre carries out the health check (a statutory service for the unemployed): it takes part.
    cases.join(clientCase.caseNumber(), Agency.SOTE);
    jdbc.update("insert into health_check (case_number, client_id, way_in, requested_by, priority, created_at)"
            + " values (?, ?, ?, ?, ?, ?)", clientCase.caseNumber(), clientCase.clientId(), check.wayIn(),
        check.requestedBy(), check.priority(), Timestamp.from(clock.instant()));
    long id = jdbc.queryForObject("select id from health_check where case_number = ?", Long.class, clientCase.caseNumber());
    return new Intake(clientCase.caseNumber(), id);
  }

  /**
   * Records the client's consent to pass the check's summary between the sote centre and employment
   * services; with {@code health} also the nurse's findings.
   */
  public void recordConsent(String caseNumber, LocalDate validUntil, boolean health, String by) {
    LocalDate today = LocalDate.now(clock.withZone(fi.polku.calendar.WorkingDays.FINLAND));
    LocalDate until = validUntil == null ? today.plusYears(1) : validUntil;
    List<ConsentScope> scopes = health ? List.of(ConsentScope.STATUS, ConsentScope.PLAN, ConsentScope.HEALTH)
        : List.of(ConsentScope.STATUS, ConsentScope.PLAN);
    for (ConsentScope scope : scopes) {
      consents.give(caseNumber, new NewConsent(Agency.SOTE, Agency.TE, scope, today, until), by);
      consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, scope, today, until), by);
    }
  }

  /** Records the booked time (from the nurse or the appointment system). */
  public void recordBooking(String caseNumber, String appointmentAt) {
    jdbc.update("update health_check set booked_at = ?, appointment_at = ? where case_number = ?",
        Timestamp.from(clock.instant()), appointmentAt, caseNumber);
  }

  /** Records how the check routed the client. */
  public void recordOutcome(String caseNumber, String route, String whodasFlag) {
    jdbc.update("update health_check set route = ?, whodas_flag = ?, checked_at = ? where case_number = ?",
        route, whodasFlag, Timestamp.from(clock.instant()), caseNumber);
  }

  /** What the nurse recorded with the client: the findings, the health plan, the client's own view. */
  public record Findings(String findings, String healthPlan, String clientView) {}

  /**
   * Keeps the check's content so it can travel as case content (HealthCheckContent): the findings
   * under the health scope, the plan and the routing reason under the plan scope.
   */
  public void recordFindings(String caseNumber, Findings content, String routeReason) {
    jdbc.update("update health_check set findings = ?, health_plan = ?, client_view = ?, route_reason = ?"
        + " where case_number = ?", content.findings(), content.healthPlan(), content.clientView(), routeReason,
        caseNumber);
  }

  /** The checked client's summary, if the check has been done. */
  public record Summary(java.time.Instant checkedAt, String route, String routeReason, String whodasFlag,
      String findings, String healthPlan, String clientView) {}

  /** The summary of the case's check, once checked. */
  public Optional<Summary> summary(String caseNumber) {
    return jdbc.query("select checked_at, route, route_reason, whodas_flag, findings, health_plan, client_view"
        + " from health_check where case_number = ? and checked_at is not null", (rs, row) -> new Summary(
            rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7)), caseNumber).stream().findFirst();
  }

  /** Who asked for the check (a TE user or system, or the nurse for a walk-in). */
  public String requestedBy(String caseNumber) {
    return jdbc.queryForObject("select requested_by from health_check where case_number = ?", String.class, caseNumber);
  }

  /** Whether the case has a health check. */
  public boolean exists(String caseNumber) {
    Integer count = jdbc.queryForObject("select count(*) from health_check where case_number = ?", Integer.class, caseNumber);
    return count != null && count > 0;
  }

  /** The recorded route of the case's check, if checked. */
  public Optional<String> route(String caseNumber) {
    return jdbc.queryForList("select route from health_check where case_number = ? and route is not null", String.class,
        caseNumber).stream().findFirst();
  }
}
