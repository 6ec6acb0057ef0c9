package fi.polku.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.api.Caller;
import fi.polku.api.ForbiddenException;
import fi.polku.api.IdempotentRequests;
import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.PersonalIdentityCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Referrals from the employment services' own system into path 1 (te-referral). */
@RestController
@Tag(name = "Referrals (path 1)")
class ReferralController {

  private final ReferralIntake intake;
  private final ReferralService referrals;
  private final ClientCaseService cases;
  private final IdempotentRequests idempotent;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;

  ReferralController(ReferralIntake intake, ReferralService referrals, ClientCaseService cases,
      IdempotentRequests idempotent, TransactionTemplate transaction, ObjectMapper json) {
    this.intake = intake;
    this.referrals = referrals;
    this.cases = cases;
    this.idempotent = idempotent;
    this.transaction = transaction;
    this.json = json;
  }

  /** The client's consent to pass information between employment services and the sote centre. */
  record ReferralConsent(
      @NotNull(message = "required") Boolean includesHealth,
      @NotNull(message = "required") LocalDate validUntil) {}

  /** A referral. Without {@code consent} it is returned to the referrer at once. */
  record ReferralBody(
      @NotBlank(message = "required") String identityCode,
      @NotBlank(message = "required") @Size(max = 200, message = "at most 200 characters") String name,
      @Email(message = "not an e-mail address") @Size(max = 320, message = "at most 320 characters") String email,
      @Size(max = 50, message = "at most 50 characters") String phone,
      @NotBlank(message = "required") @Size(max = 100, message = "at most 100 characters") String municipality,
      @NotNull(message = "required") @Min(value = 0, message = "must be 0 or more") @Max(value = 600, message = "must be at most 600") Integer unemploymentMonths,
      @NotNull(message = "required") @Valid ReferralCriteria criteria,
      @NotBlank(message = "required") @Size(max = 2000, message = "at most 2000 characters") String reason,
      @NotBlank(message = "required") @Size(max = 2000, message = "at most 2000 characters") String question,
      @Size(max = 2000, message = "at most 2000 characters") String clientGoal,
      @Pattern(regexp = "high|moderate|low", message = "one of high, moderate, low") String clientMotivation,
      @Valid ReferralConsent consent,
      @Pattern(regexp = "fi|sv", message = "one of fi, sv") String language) {}

  /** What was created. */
  record ReferralCreated(String caseNumber, long referralId, String status) {}

  /** Refers a client to the sote centre's work-ability team; 201 with the case number. */
  @PostMapping(path = "/api/referrals", consumes = "application/json", produces = "application/json")
  @Operation(summary = "Refer a client to the work-ability team (path 1)",
      description = "Employment services only. 201 with the case number and Location /api/cases/{caseNumber}. "
          + "Send an Idempotency-Key header: a retried POST with the same key returns the first answer and creates "
          + "nothing. A client with an open te-referral gets 409 naming the open case.")
  ResponseEntity<String> refer(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody ReferralBody request, Caller caller) {
    if (caller.requireAgency() != Agency.TE) {
      throw new ForbiddenException("only employment services refer clients on this path");
    }
    PersonalIdentityCode code = PersonalIdentityCode.parse(request.identityCode());
    return transaction.execute(status -> idempotent.once(caller, idempotencyKey, fingerprint(request, code),
        () -> create(request, code, caller))).toResponse();
  }

  private IdempotentRequests.Answer create(ReferralBody request, PersonalIdentityCode code, Caller caller) {
    ReferralConsent consent = request.consent();
    ReferralIntake.Intake taken = intake.refer(new ReferralIntake.NewClient(code, request.name(), request.email(),
            request.phone(), request.municipality(), request.unemploymentMonths(), request.clientGoal(),
            request.clientMotivation(),
            consent == null ? null : new ReferralIntake.Consent(consent.includesHealth(), consent.validUntil()),
            request.language()),
        new ReferralRequest(request.criteria(), request.reason(), request.question(), caller.userId(), "api",
            Agency.TE, ReferralRequest.Referrer.TE_COORDINATOR, Map.of()));
    return new IdempotentRequests.Answer(201, "/api/cases/" + taken.caseNumber(), write(new ReferralCreated(
        taken.caseNumber(), taken.referralId(), referrals.status(taken.referralId()).code())));
  }

  /** The request as stored for idempotency: the identity code only as its keyed fingerprint. */
  private String fingerprint(ReferralBody request, PersonalIdentityCode code) {
    return write(request).replace(request.identityCode(), "") + "|" + cases.fingerprint(code);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
