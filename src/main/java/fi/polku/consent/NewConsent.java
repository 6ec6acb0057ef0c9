package fi.polku.consent;

import fi.polku.cases.Agency;
import java.time.LocalDate;

/** A consent as the client gave it, before it is recorded. */
public record NewConsent(
    Agency fromAgency, Agency toAgency, ConsentScope scope, LocalDate givenOn, LocalDate validUntil) {}
