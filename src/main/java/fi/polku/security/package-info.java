/**
 * Security: Users, groups, authorizations and the authentication of the API and the engine's REST API.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"cases", "engine"})
package fi.polku.security;

import org.springframework.modulith.ApplicationModule;
