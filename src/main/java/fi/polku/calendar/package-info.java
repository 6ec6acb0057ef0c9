/**
 * Working days: Finnish working days and the Finnish time zone, for every deadline and lead time.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Working days", allowedDependencies = {})
package fi.polku.calendar;

import org.springframework.modulith.ApplicationModule;
