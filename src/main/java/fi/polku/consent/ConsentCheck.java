package fi.polku.consent;

import fi.polku.cases.Agency;
import java.time.Instant;

/** One row of the audit trail: a consent check at an agency boundary and its answer. */
public record ConsentCheck(
    long id,
    Instant checkedAt,
    String caseNumber,
    Agency fromAgency,
    Agency toAgency,
    ConsentScope scope,
    boolean allowed,
    Long consentId,
    String checkedBy,
    String purpose) {}
