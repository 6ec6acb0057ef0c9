/**
 * Consent register: Consents between agencies and the audit trail of every check at an agency boundary.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Consent register", allowedDependencies = {"calendar", "cases"})
package fi.polku.consent;

import org.springframework.modulith.ApplicationModule;
