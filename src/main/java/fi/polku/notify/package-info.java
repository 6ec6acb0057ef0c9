/**
 * Notifications: Mail to clients, staff and referrers through the outbox, exactly once.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"cases"})
package fi.polku.notify;

import org.springframework.modulith.ApplicationModule;
