/**
 * Path 1: TE referral: te-referral: the referral from employment services to the sote centre's work-ability team.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Path 1: TE referral", allowedDependencies = {"api", "calendar", "cases", "consent", "notify", "onward", "security"})
package fi.polku.referral;

import org.springframework.modulith.ApplicationModule;
