package fi.polku.api;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.CaseStatus;
import fi.polku.cases.CaseStatusReader;
import fi.polku.cases.ClientCase;
import fi.polku.cases.ClientLanguage;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import fi.polku.cases.NewCase;
import fi.polku.cases.PersonalIdentityCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Closed-loop status of a case for the agencies taking part in it. */
@RestController
@RequestMapping(path = "/api/cases", produces = "application/json")
@Tag(name = "Cases")
class CaseController {

  private final ClientCaseService cases;
  private final CaseStatusReader statusReader;
  private final ConsentService consents;
  private final List<CaseContentSource> contentSources;
  private final CaseAccess access;
  private final List<CaseOnwardReferralSource> onwardSources;

  CaseController(ClientCaseService cases, CaseStatusReader statusReader, ConsentService consents,
      List<CaseContentSource> contentSources, CaseAccess access, List<CaseOnwardReferralSource> onwardSources) {
    this.cases = cases;
    this.onwardSources = onwardSources;
    this.access = access;
    this.statusReader = statusReader;
    this.consents = consents;
    this.contentSources = contentSources;
  }

  /** A client to open a case for. */
  record NewCaseRequest(
      @NotBlank(message = "required") String identityCode,
      @Size(max = 200, message = "at most 200 characters") String name,
      @Email(message = "not an e-mail address") @Size(max = 320, message = "at most 320 characters") String email,
      @Size(max = 50, message = "at most 50 characters") String phone,
      @NotBlank(message = "required") @Size(max = 100, message = "at most 100 characters") String municipality,
      @Pattern(regexp = "fi|sv", message = "one of fi, sv") String language) {}

  /** The new case's number. */
  record CaseCreated(String caseNumber, boolean temporaryIdentityCode) {}

  /** Opens a case for a client; the same person referred again gets the same client record. */
  @PostMapping(consumes = "application/json")
  @Operation(summary = "Open a case for a client",
      description = "Validates the personal identity code (format, date, century sign, check character) and answers "
          + "201 with the case number and a Location. The identity code is stored encrypted and never returned.")
  ResponseEntity<CaseCreated> open(@Valid @RequestBody NewCaseRequest request, Caller caller) {
    PersonalIdentityCode code = PersonalIdentityCode.parse(request.identityCode());
    ClientCase opened = cases.openCase(new NewCase(code, request.name(), request.email(), request.phone(),
        request.municipality(), caller.requireAgency(), caller.userId(), ClientLanguage.fromCode(request.language())));
    return ResponseEntity.created(URI.create("/api/cases/" + opened.caseNumber()))
        .body(new CaseCreated(opened.caseNumber(), opened.temporaryIdentity()));
  }

  /** The case's paths, current steps, due dates and end states; plan and health content only with consent. */
  @GetMapping("/{caseNumber}")
  @Operation(summary = "Status of a case",
      description = "Which paths are running or ended, the current step in Finnish, due dates and end states. "
          + "Plan or health content of another agency appears only while a consent in force allows it to the "
          + "caller's agency. A case the caller's agency takes no part in answers 404.")
  CaseStatusResponse status(@PathVariable String caseNumber, Caller caller) {
    ClientCase clientCase = access.visibleCase(caseNumber, caller);
    CaseStatus status = statusReader.read(clientCase);
    List<CaseContentSource.CaseContent> content = new ArrayList<>();
    if (caller.agency().isPresent()) {
      Agency reader = caller.agency().get();
      for (CaseContentSource source : contentSources) {
        for (CaseContentSource.CaseContent piece : source.contentFor(caseNumber)) {
          // Status (that a step happened) needs no consent; plan and health content does.
          if (piece.scope() == ConsentScope.STATUS || piece.owner() == reader || consents.allows(caseNumber, piece.owner(), reader, piece.scope(),
              "api:" + caller.userId(), "case status for " + reader.code())) {
            content.add(piece);
          }
        }
      }
    }
    List<CaseOnwardReferralSource.CaseOnwardReferral> onward = onwardSources.stream()
        .flatMap(source -> source.onwardReferralsOf(caseNumber).stream()).toList();
    return new CaseStatusResponse(status, List.copyOf(access.participants(clientCase)), onward, content);
  }

  /** The status and the content the caller may see. */
  record CaseStatusResponse(
      String caseNumber,
      java.time.Instant openedAt,
      Agency openedBy,
      List<Agency> agencies,
      List<CaseStatus.PathStatus> paths,
      List<CaseOnwardReferralSource.CaseOnwardReferral> onwardReferrals,
      List<CaseContentSource.CaseContent> content) {
    CaseStatusResponse(CaseStatus status, List<Agency> participants,
        List<CaseOnwardReferralSource.CaseOnwardReferral> onwardReferrals, List<CaseContentSource.CaseContent> content) {
      this(status.caseNumber(), status.openedAt(), status.openedBy(), participants, status.paths(), onwardReferrals,
          content);
    }
  }
}
