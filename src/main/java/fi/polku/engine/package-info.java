/**
 * Engine set-up: The models' deployment and its checks, the history filter for personal data, and what Tasklist submits for a form.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Engine set-up", allowedDependencies = {"calendar", "cases"})
package fi.polku.engine;

import org.springframework.modulith.ApplicationModule;
