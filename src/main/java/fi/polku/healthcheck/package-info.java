/**
 * Path 2: health-check invitations: health-check-invitation: eligibility, invitations, the check and its routing.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Path 2: health-check invitations", allowedDependencies = {"api", "calendar", "cases", "consent", "notify", "onward", "referral", "security"})
package fi.polku.healthcheck;

import org.springframework.modulith.ApplicationModule;
