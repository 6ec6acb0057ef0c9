/**
 * Case page: The client's whole case on one page for staff (Asiakkuus, /cases/{caseNumber}), its consent screen,
 * each worker's own cases (Omat asiakkaat, /cases/mine) and the team lead's unaccounted cases
 * (Tilittämättömät asiakkaat, /cases/unaccounted).
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Case page", allowedDependencies = {"api", "calendar", "cases", "consent", "engine", "onward", "responsible", "security"})
package fi.polku.casepage;

import org.springframework.modulith.ApplicationModule;
