/**
 * Data subjects' rights: everything Polku holds on one client, exported for an administrator, and
 * removed when the retention of the client's cases has ended.
 *
 * <p>A module of Polku (docs/conventions.md, "Modules"); the dependencies it may have are declared
 * here and checked by ModularityTest. It reads every Polku table that is linked to a client's case
 * by a foreign key or a {@code case_number} column, found from the database's own catalogue
 * ({@link fi.polku.privacy.ClientRecords}), so a table added by another module is included without
 * an edit here; {@code ClientRecordsTest} fails when a table is neither linked nor declared as
 * holding no client data.
 */
@ApplicationModule(displayName = "Data subjects' rights", allowedDependencies = {"api", "cases"})
package fi.polku.privacy;

import org.springframework.modulith.ApplicationModule;
