package fi.polku.handover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.api.Caller;
import fi.polku.api.IdempotentRequests;
import fi.polku.cases.ClientCaseService;
import fi.polku.api.ConflictException;
import fi.polku.api.ForbiddenException;
import fi.polku.cases.Agency;
import fi.polku.cases.PersonalIdentityCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Path 3 for occupational-health providers' and employment services' systems. */
@RestController
@Tag(name = "Occupational-health hand-overs (path 3)")
class HandoverController {

  private final HandoverIntake intake;
  private final HandoverService handovers;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final IdempotentRequests idempotent;
  private final ClientCaseService cases;
  private final ObjectMapper json;

  HandoverController(HandoverIntake intake, HandoverService handovers, RuntimeService runtimeService, TransactionTemplate transaction,
      IdempotentRequests idempotent, ClientCaseService cases, ObjectMapper json) {
    this.intake = intake;
    this.handovers = handovers;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
    this.idempotent = idempotent;
    this.cases = cases;
    this.json = json;
  }

  record HandoverCreated(String caseNumber) {}

  /** Starts path 3 for a client through the path's one intake ({@link HandoverIntake}); 201 with the case number. */
  @PostMapping(path = "/api/oh-handovers", consumes = "application/json", produces = "application/json")
  @Operation(summary = "Start an occupational-health hand-over (path 3)",
      description = "Occupational health only. Send an Idempotency-Key: a retried POST returns the first answer.")
  ResponseEntity<String> start(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody HandoverRequest request, Caller caller) throws JsonProcessingException {
    if (caller.requireAgency() != Agency.OH) {
      throw new ForbiddenException("only occupational health care starts this path");
    }
    PersonalIdentityCode code = PersonalIdentityCode.parse(request.identityCode());
    // The request as stored for idempotency: the identity code only as its keyed fingerprint.
    String fingerprint = json.writeValueAsString(request).replace(request.identityCode(), "") + "|" + cases.fingerprint(code);
    return transaction.execute(status -> idempotent.once(caller, idempotencyKey, fingerprint, () -> {
      String caseNumber = intake.request(request, caller.userId());
      try {
        return new IdempotentRequests.Answer(201, "/api/cases/" + caseNumber,
            json.writeValueAsString(new HandoverCreated(caseNumber)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    })).toResponse();
  }

  record JobLossReport(LocalDate endedOn) {}

  record JobLossAnswer(String caseNumber, String result) {}

  /**
   * The end of employment became known: correlated to the waiting hand-over (202). A repeated
   * report is harmless (200, already reported); a case not waiting for it is 409.
   */
  @PostMapping(path = "/api/oh-handovers/{caseNumber}/job-loss", produces = "application/json")
  @Operation(summary = "Report the job loss of a hand-over's client",
      description = "From the occupational-health provider or employment services. 202 when the hand-over takes place, "
          + "200 when it was already reported, 404 for an unknown case, 409 for a case not waiting for a job loss.")
  ResponseEntity<JobLossAnswer> jobLoss(@PathVariable String caseNumber,
      @RequestBody(required = false) @Valid JobLossReport report, Caller caller) {
    Agency agency = caller.requireAgency();
    if (agency != Agency.OH && agency != Agency.TE) {
      throw new ForbiddenException("only occupational health care or employment services report a job loss");
    }
    // Employment services take part only after the hand-over, so any oh or te caller may report it.
    if (!handovers.exists(caseNumber)) {
      throw new fi.polku.cases.CaseNotFoundException(caseNumber);
    }
    return transaction.execute(status -> {
      if (handovers.recordJobLoss(caseNumber, caller.userId()) == HandoverService.JobLoss.ALREADY_REPORTED) {
        return ResponseEntity.ok(new JobLossAnswer(caseNumber, "already-reported"));
      }
      long waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(caseNumber)
          .messageEventSubscriptionName(OhHandoverModel.MESSAGE_JOB_LOSS).count();
      if (waiting == 0) {
        throw new ConflictException("The hand-over of case " + caseNumber + " is not waiting for a job loss.");
      }
      runtimeService.createMessageCorrelation(OhHandoverModel.MESSAGE_JOB_LOSS).processInstanceBusinessKey(caseNumber)
          .correlate();
      return ResponseEntity.accepted().body(new JobLossAnswer(caseNumber, "handed-over"));
    });
  }

  record EndDateCorrection(@NotNull(message = "required") LocalDate employmentEndDate) {}

  record EndDateAnswer(String caseNumber, String result, LocalDate employmentEndDate) {}

  /**
   * The expected end of employment changed (e.g. a longer notice period): the waiting hand-over
   * waits until the new date and its grace period (202); a case not waiting for the job loss is 409.
   */
  @PostMapping(path = "/api/oh-handovers/{caseNumber}/employment-end-date", consumes = "application/json",
      produces = "application/json")
  @Operation(summary = "Correct the expected end of employment of a waiting hand-over",
      description = "From the occupational-health provider. 202 when the waiting hand-over now waits for the new date, "
          + "404 for an unknown case, 409 for a case not waiting for the job loss.")
  ResponseEntity<EndDateAnswer> correctEndDate(@PathVariable String caseNumber,
      @RequestBody @Valid EndDateCorrection correction, Caller caller) {
    if (caller.requireAgency() != Agency.OH) {
      throw new ForbiddenException("only occupational health care corrects the end of employment");
    }
    if (!handovers.exists(caseNumber)) {
      throw new fi.polku.cases.CaseNotFoundException(caseNumber);
    }
    long waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(caseNumber)
        .messageEventSubscriptionName(OhHandoverModel.MESSAGE_END_DATE_CORRECTED).count();
    if (waiting == 0) {
      throw new ConflictException("The hand-over of case " + caseNumber + " is not waiting for the end of employment.");
    }
    runtimeService.createMessageCorrelation(OhHandoverModel.MESSAGE_END_DATE_CORRECTED)
        .processInstanceBusinessKey(caseNumber)
        .setVariable(OhHandoverModel.EMPLOYMENT_END_DATE, correction.employmentEndDate().toString()).correlate();
    return ResponseEntity.accepted().body(new EndDateAnswer(caseNumber, "waiting", correction.employmentEndDate()));
  }

  /** The billing split of a provider's extended health checks in a month. */
  @GetMapping(path = "/api/oh-handovers/billing", produces = "application/json")
  @Operation(summary = "Billing split per provider and month",
      description = "Statutory part billed to the employer, pilot part to the programme. month as 2026-11.")
  List<HandoverService.BillingLine> billing(@RequestParam String provider, @RequestParam YearMonth month, Caller caller) {
    if (!caller.admin() && caller.agency().orElse(null) != Agency.OH) {
      throw new ForbiddenException("only occupational health care and administrators read the billing");
    }
    return handovers.billing(provider, month);
  }
}
