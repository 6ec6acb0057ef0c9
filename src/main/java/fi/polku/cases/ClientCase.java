package fi.polku.cases;

import java.time.Instant;
import java.util.Set;

/**
 * A client's case: the case number links every process instance of one client.
 *
 * @param temporaryIdentity the client's identity code is a temporary one (individual number
 *     900–999), so the person may later get a permanent code
 * @param agencies the agencies carrying out a path of the case that the client lawfully reached
 *     them on; with the consents in force they decide who may see the case
 */
public record ClientCase(
    String caseNumber,
    long clientId,
    String municipality,
    Instant openedAt,
    String openedBy,
    Agency openedByAgency,
    Set<Agency> agencies,
    boolean temporaryIdentity) {
}
