/**
 * Demo data: Made-up clients driven through the real paths on the embedded default and the demo profile.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"calendar", "engine", "referral", "security"})
package fi.polku.demo;

import org.springframework.modulith.ApplicationModule;
