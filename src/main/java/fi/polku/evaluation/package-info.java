/**
 * Programme evaluation: The programme's figures from the paths' history: the report page, JSON and CSV.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Programme evaluation", allowedDependencies = {"api", "calendar", "cases", "handover", "healthcheck", "onward", "referral", "security", "supported"})
package fi.polku.evaluation;

import org.springframework.modulith.ApplicationModule;
