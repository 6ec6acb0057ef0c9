/**
 * Onward referrals: jatko-ohjaus: a hand-over to a receiving agency that stays open until the receiver has taken responsibility or the sender has decided something else.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest. Paths start an onward referral through {@link
 * fi.polku.onward.OnwardReferrals#request}, never through this module's internals.
 */
@ApplicationModule(displayName = "Onward referrals", allowedDependencies = {"api", "calendar", "cases", "consent", "notify", "security"})
package fi.polku.onward;

import org.springframework.modulith.ApplicationModule;
