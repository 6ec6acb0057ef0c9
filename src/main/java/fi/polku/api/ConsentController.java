package fi.polku.api;

import fi.polku.cases.Agency;
import fi.polku.consent.Consent;
import fi.polku.consent.ConsentChannel;
import fi.polku.consent.ConsentCheck;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The consent register of a case, and the audit trail of consent checks. */
@RestController
@Tag(name = "Consents")
class ConsentController {

  private final ConsentService consents;
  private final CaseAccess caseAccess;

  ConsentController(ConsentService consents, CaseAccess caseAccess) {
    this.consents = consents;
    this.caseAccess = caseAccess;
  }

  /** A consent as the client gave it. */
  record ConsentRequest(
      @NotNull(message = "required") Agency fromAgency,
      @NotNull(message = "required") Agency toAgency,
      @NotNull(message = "required") ConsentScope scope,
      @NotNull(message = "required") LocalDate givenOn,
      @NotNull(message = "required") LocalDate validUntil,
      ConsentChannel channel) {}

  /** Records a consent the client gave; 201 with its Location. */
  @PostMapping(path = "/api/cases/{caseNumber}/consents", consumes = "application/json", produces = "application/json")
  @Operation(summary = "Record a consent",
      description = "The client allows information of the scope (status, plan, health) to pass from one agency to "
          + "another from givenOn to validUntil (inclusive), optionally saying how it was given (channel: written, "
          + "electronic, in-person, phone). Only agencies taking part in the case may record one.")
  ResponseEntity<Consent> give(@PathVariable String caseNumber, @Valid @RequestBody ConsentRequest request, Caller caller) {
    caseAccess.visibleCase(caseNumber, caller);
    Consent consent = consents.give(caseNumber, new NewConsent(request.fromAgency(), request.toAgency(),
        request.scope(), request.givenOn(), request.validUntil(), request.channel()), caller.userId());
    // The agency the consent lets information reach takes part while it is in force (CaseAccess): no row to write.
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/consents/" + consent.id())).body(consent);
  }

  /** The consents of the case's client, newest first. */
  @GetMapping(path = "/api/cases/{caseNumber}/consents", produces = "application/json")
  @Operation(summary = "List the consents of a case's client")
  List<Consent> list(@PathVariable String caseNumber, Caller caller) {
    caseAccess.visibleCase(caseNumber, caller);
    return consents.list(caseNumber);
  }

  /** Withdraws a consent at once; later hand-overs find it withdrawn. */
  @PostMapping(path = "/api/cases/{caseNumber}/consents/{id}/withdrawal", produces = "application/json")
  @Operation(summary = "Withdraw a consent", description = "Takes effect at once. Withdrawing again keeps the first time.")
  Consent withdraw(@PathVariable String caseNumber, @PathVariable long id, Caller caller) {
    caseAccess.visibleCase(caseNumber, caller);
    return consents.withdraw(caseNumber, id, caller.userId());
  }

  /** The audit trail of consent checks, for administrators. */
  @GetMapping(path = "/api/audit/consent-checks", produces = "application/json")
  @Operation(summary = "Consent checks (administrators)", description = "Who asked, about what, when, the answer and the consent it rested on.")
  List<ConsentCheck> checks(@RequestParam(required = false) String caseNumber,
      @RequestParam(defaultValue = "200") int limit, Caller caller) {
    if (!caller.admin()) {
      throw new ForbiddenException("only the polku-admin group reads the consent audit trail");
    }
    return consents.checks(caseNumber, Math.max(1, Math.min(limit, 1000)));
  }
}
