/**
 * Agencies' API: The /api surface for other agencies' systems: who is calling, which cases they may see, problem+json errors, idempotent POSTs.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Agencies' API", allowedDependencies = {"cases", "consent", "security"})
package fi.polku.api;

import org.springframework.modulith.ApplicationModule;
