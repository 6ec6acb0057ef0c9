/**
 * Responsible worker: the named person responsible for a client's case from intake on (vastuutyöntekijä,
 * asiakasvastaava), their history, the case's tasks assigned to them, and the mail that tells the client.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest.
 */
@ApplicationModule(displayName = "Responsible worker", allowedDependencies = {"cases", "notify", "security"})
package fi.polku.responsible;

import org.springframework.modulith.ApplicationModule;
