package fi.polku.healthcheck;

import fi.polku.api.Caller;
import fi.polku.api.ConflictException;
import fi.polku.api.ForbiddenException;
import fi.polku.cases.Agency;
import fi.polku.cases.CaseNotFoundException;
import fi.polku.cases.InvalidIdentityCodeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Path 2 for the employment services' and appointment systems: invitation rounds and bookings. */
@RestController
@Tag(name = "Health-check invitations (path 2)")
class HealthCheckController {

  private final HealthCheckService checks;
  private final HealthCheckIntake intake;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  /** Within the import's transaction: a savepoint per row. */
  private final TransactionTemplate savepoint;

  HealthCheckController(HealthCheckService checks, HealthCheckIntake intake, RuntimeService runtimeService,
      TransactionTemplate transaction) {
    this.checks = checks;
    this.intake = intake;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
    this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
    this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
  }

  /** One client of a cohort, as employment services export it. */
  record CohortRow(String identityCode, String name, String email, String phone, String municipality,
      Integer unemploymentMonths, Boolean unemployed, Boolean coveredByOccupationalHealth,
      Integer monthsSinceLastHealthCheck, String wayIn, String referralReason, String language) {

    /** A row without a language (a CSV export without the column): the client is served in Finnish. */
    CohortRow(String identityCode, String name, String email, String phone, String municipality,
        Integer unemploymentMonths, Boolean unemployed, Boolean coveredByOccupationalHealth,
        Integer monthsSinceLastHealthCheck, String wayIn, String referralReason) {
      this(identityCode, name, email, phone, municipality, unemploymentMonths, unemployed, coveredByOccupationalHealth,
          monthsSinceLastHealthCheck, wayIn, referralReason, null);
    }
  }

  /** What became of one row: started (with the case), not-eligible, invalid or duplicate, and why. */
  record RowResult(int row, String result, String caseNumber, String reason) {}

  record CohortResult(int rows, Map<String, Long> counts, List<RowResult> results) {}

  /** An invitation round as JSON: one instance per eligible client; one bad row never stops the others. */
  @PostMapping(path = "/api/health-check-invitations", consumes = "application/json", produces = "application/json")
  @Operation(summary = "Invite a cohort to health checks (path 2)",
      description = "Employment services only. Each row is screened by the health-check-eligibility decision; the "
          + "answer has one result per row (started, not-eligible, invalid, duplicate) with the case number or the "
          + "reason. A client invited in the last 12 months is a duplicate: a re-sent row invites nobody twice. "
          + "A row with wayIn=referral is a coordinator's referral.")
  CohortResult invite(@RequestBody List<CohortRow> rows, Caller caller) {
    requireEmploymentServices(caller);
    return process(rows, caller);
  }

  /** The same invitation round as CSV (semicolon or comma separated, UTF-8, header row), as Excel saves it. */
  @PostMapping(path = "/api/health-check-invitations", consumes = "text/csv", produces = "application/json")
  @Operation(summary = "Invite a cohort to health checks from a CSV export",
      description = "Header: identityCode;name;email;phone;municipality;unemploymentMonths;unemployed;"
          + "coveredByOccupationalHealth;monthsSinceLastHealthCheck, optionally wayIn;referralReason "
          + "(booleans as true/false or kyllä/ei).")
  CohortResult inviteCsv(@RequestBody byte[] csv, Caller caller) {
    requireEmploymentServices(caller);
    return process(CohortCsv.parse(new String(csv, StandardCharsets.UTF_8)), caller);
  }

  /**
   * Rows a transaction of the import takes: one commit for this many rows instead of one a row
   * (docs/performance.md, "Cohort import"), each row still in a savepoint of its own.
   */
  static final int ROWS_PER_TRANSACTION = 100;

  private CohortResult process(List<CohortRow> rows, Caller caller) {
    RowResult[] results = new RowResult[rows.size()];
    java.util.Set<String> seenInThisRound = new java.util.HashSet<>();
    HealthCheckIntake.Door round = intake.round(seenInThisRound);
    for (int from = 0; from < rows.size(); from += ROWS_PER_TRANSACTION) {
      int to = Math.min(rows.size(), from + ROWS_PER_TRANSACTION);
      java.util.Set<String> seenBefore = new java.util.HashSet<>(seenInThisRound);
      try {
        int first = from;
        transaction.executeWithoutResult(status -> {
          for (int i = first; i < to; i++) {
            results[i] = inSavepoint(i + 1, rows.get(i), caller, round);
          }
        });
      } catch (RuntimeException commitFailed) {
        // The batch's commit failed, so none of its rows is in: each row again in its own transaction.
        seenInThisRound.retainAll(seenBefore);
        for (int i = from; i < to; i++) {
          int row = i + 1;
          CohortRow given = rows.get(i);
          results[i] = outcome(row, () -> transaction.execute(status -> one(row, given, caller, round)));
        }
      }
    }
    return summary(rows.size(), List.of(results));
  }

  /**
   * One row in a savepoint of the batch's transaction: a row that fails is rolled back to its
   * savepoint (its case, process instance and mail gone), the rows before and after it stay.
   */
  private RowResult inSavepoint(int row, CohortRow given, Caller caller, HealthCheckIntake.Door round) {
    return outcome(row, () -> savepoint.execute(status -> one(row, given, caller, round)));
  }

  private static RowResult outcome(int row, java.util.function.Supplier<RowResult> attempt) {
    try {
      return attempt.get();
    } catch (InvalidIdentityCodeException e) {
      return new RowResult(row, "invalid", null, "identityCode: " + e.kind().messageEn());
    } catch (RuntimeException e) {
      return new RowResult(row, "invalid", null, e.getMessage() == null ? "invalid row" : e.getMessage());
    }
  }

  private static CohortResult summary(int rows, List<RowResult> results) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String result : List.of("started", "not-eligible", "invalid", "duplicate")) {
      counts.put(result, results.stream().filter(r -> r.result().equals(result)).count());
    }
    return new CohortResult(rows, counts, results);
  }

  /** One row through the path's one door (HealthCheckIntake), as a coordinator's referral or an invitation. */
  private RowResult one(int row, CohortRow given, Caller caller, HealthCheckIntake.Door round) {
    if (given == null) {
      return new RowResult(row, "invalid", null, "identityCode: required");
    }
    String wayIn = HealthCheckRequest.REFERRAL.equals(given.wayIn()) ? HealthCheckRequest.REFERRAL
        : HealthCheckRequest.INVITATION;
    HealthCheckRequest request = new HealthCheckRequest(given.identityCode(), given.name(), given.email(),
        given.phone(), given.municipality(), given.unemploymentMonths(), given.unemployed(),
        given.coveredByOccupationalHealth(), given.monthsSinceLastHealthCheck(), wayIn, given.referralReason(),
        given.language(), null, caller.userId());
    HealthCheckIntake.Outcome outcome = intake.take(request, round);
    if (outcome instanceof HealthCheckIntake.Started started) {
      return new RowResult(row, "started", started.caseNumber(), started.reason());
    }
    if (outcome instanceof HealthCheckIntake.Duplicate duplicate) {
      return new RowResult(row, "duplicate", duplicate.caseNumber(), duplicate.reason());
    }
    return new RowResult(row, "not-eligible", null, ((HealthCheckIntake.NotEligible) outcome).reason());
  }

  /** A booking from the appointment system. */
  record Booking(@NotBlank(message = "required") String appointmentAt,
      @NotBlank(message = "required") String appointmentPlace) {}

  record BookingAnswer(String caseNumber, String result) {}

  /** Records a booking made in the appointment system: the invitation goes on to the health check (202). */
  @PostMapping(path = "/api/health-check-invitations/{caseNumber}/booking", consumes = "application/json",
      produces = "application/json")
  @Operation(summary = "Record a booked health check",
      description = "From the sote centre's appointment system. 202 when the waiting invitation goes on, 404 for an "
          + "unknown case, 409 when the invitation is not waiting for a booking.")
  ResponseEntity<BookingAnswer> book(@PathVariable String caseNumber, @Valid @RequestBody Booking booking,
      Caller caller) {
    if (caller.requireAgency() != Agency.SOTE) {
      throw new ForbiddenException("only the sote centre's systems record bookings");
    }
    if (!checks.exists(caseNumber)) {
      throw new CaseNotFoundException(caseNumber);
    }
    return transaction.execute(status -> {
      long waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(caseNumber)
          .messageEventSubscriptionName(HealthCheckModel.MESSAGE_BOOKED).count();
      if (waiting == 0) {
        throw new ConflictException("The invitation of case " + caseNumber + " is not waiting for a booking.");
      }
      runtimeService.createMessageCorrelation(HealthCheckModel.MESSAGE_BOOKED).processInstanceBusinessKey(caseNumber)
          .setVariable(HealthCheckModel.APPOINTMENT_AT, booking.appointmentAt())
          .setVariable(HealthCheckModel.APPOINTMENT_PLACE, booking.appointmentPlace())
          .correlate();
      return ResponseEntity.accepted().body(new BookingAnswer(caseNumber, "booked"));
    });
  }

  private static void requireEmploymentServices(Caller caller) {
    if (caller.requireAgency() != Agency.TE) {
      throw new ForbiddenException("only employment services send invitation rounds and referrals");
    }
  }
}
