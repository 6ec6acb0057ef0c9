/**
 * Path 3: occupational-health hand-over: oh-handover: the extended health check before job loss and the consented hand-over to the TE coordinator.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Path 3: occupational-health hand-over", allowedDependencies = {"api", "calendar", "cases", "consent", "notify", "onward", "referral", "security"})
package fi.polku.handover;

import org.springframework.modulith.ApplicationModule;
