/**
 * Supported employment: path 4 (supported-employment), quality-criteria job coaching (IPS) in five stages.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest. The path starts when a job coach accepts an onward referral
 * to supported employment ({@link fi.polku.onward.OnwardReferralAccepted}) or from its start form
 * (a self-referral); the evaluation reads it through {@link fi.polku.supported.SupportedEmploymentRecords}.
 */
@ApplicationModule(displayName = "Supported employment", allowedDependencies = {"calendar", "cases", "consent", "notify", "onward", "security"})
package fi.polku.supported;

import org.springframework.modulith.ApplicationModule;
