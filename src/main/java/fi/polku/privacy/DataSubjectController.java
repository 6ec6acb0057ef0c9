package fi.polku.privacy;

import fi.polku.api.Caller;
import fi.polku.api.ForbiddenException;
import fi.polku.api.ProblemWriter;
import fi.polku.cases.PersonalIdentityCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An administrator's export of everything Polku holds on one client, for the client's own request. */
@RestController
@Tag(name = "Data subjects' rights")
class DataSubjectController {

  private final DataSubjectRecords records;

  DataSubjectController(DataSubjectRecords records) {
    this.records = records;
  }

  /** The identity code travels in the body, never in the address, so no access log holds it. */
  record ExportRequest(@NotBlank(message = "required") String identityCode) {}

  @PostMapping(path = "/api/admin/data-subject-export", consumes = "application/json", produces = "application/json")
  @Operation(summary = "Everything Polku holds on one client (administrators only)",
      description = "The client, every row of every case of theirs in Polku's tables (cases, agencies taking part, "
          + "consents and their checks, paths' records, onward referrals, outbox metadata and texts, responsible "
          + "workers) and the engine's history of those cases (steps, who did them, the data they recorded). "
          + "Each export is recorded with who made it. 404 when Polku holds nothing on the identity code.")
  DataSubjectRecords.Export export(@Valid @RequestBody ExportRequest request, Caller caller) {
    if (!caller.admin()) {
      throw new ForbiddenException("only administrators export a client's records");
    }
    PersonalIdentityCode code = PersonalIdentityCode.parse(request.identityCode());
    return records.exportOf(code, caller.userId()).orElseThrow(NoRecordsException::new);
  }

  /** Polku holds nothing on the identity code. */
  static class NoRecordsException extends RuntimeException {
    NoRecordsException() {
      super("no records");
    }
  }

  @ExceptionHandler(NoRecordsException.class)
  ProblemDetail noRecords() {
    return ProblemWriter.problem(HttpStatus.NOT_FOUND, "No records", "Polku holds no records on this identity code.",
        null);
  }
}
