package fi.polku.consent;

import fi.polku.cases.Agency;
import java.time.LocalDate;

/**
 * A consent as the client gave it, before it is recorded.
 *
 * @param channel how the client gave it, or null when the recorder did not say
 */
public record NewConsent(
    Agency fromAgency, Agency toAgency, ConsentScope scope, LocalDate givenOn, LocalDate validUntil,
    ConsentChannel channel) {

  /** A consent recorded without saying how it was given (other agencies' systems, the paths' forms). */
  public NewConsent(Agency fromAgency, Agency toAgency, ConsentScope scope, LocalDate givenOn, LocalDate validUntil) {
    this(fromAgency, toAgency, scope, givenOn, validUntil, null);
  }
}
