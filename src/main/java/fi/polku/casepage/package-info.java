/**
 * Case page: The client's whole case on one page for staff (Asiakkuus, /cases/{caseNumber}), its consent screen, and
 * each worker's own cases (Omat asiakkaat, /cases/mine).
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Case page", allowedDependencies = {"api", "calendar", "cases", "consent", "engine", "responsible", "security"})
package fi.polku.casepage;

import org.springframework.modulith.ApplicationModule;
