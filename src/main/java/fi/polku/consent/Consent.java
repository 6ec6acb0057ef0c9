package fi.polku.consent;

import fi.polku.cases.Agency;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One consent of the register: the client allows information of the scope to pass from one
 * agency to another from {@code givenOn} to {@code validUntil} (both inclusive), unless withdrawn.
 *
 * @param channel how the client gave it, null when not recorded
 */
public record Consent(
    long id,
    String caseNumber,
    Agency fromAgency,
    Agency toAgency,
    ConsentScope scope,
    LocalDate givenOn,
    LocalDate validUntil,
    Instant withdrawnAt,
    String withdrawnBy,
    Instant recordedAt,
    String recordedBy,
    ConsentChannel channel) {

  /** Whether the consent lets information pass on the day (Finnish calendar) at the instant. */
  public boolean inForce(LocalDate day, Instant at) {
    return !givenOn.isAfter(day) && !validUntil.isBefore(day) && (withdrawnAt == null || withdrawnAt.isAfter(at));
  }
}
