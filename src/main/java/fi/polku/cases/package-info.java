/**
 * Client cases: Clients (identity stored once, encrypted), their cases and who has worked on them.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Client cases", allowedDependencies = {"calendar"})
package fi.polku.cases;

import org.springframework.modulith.ApplicationModule;
