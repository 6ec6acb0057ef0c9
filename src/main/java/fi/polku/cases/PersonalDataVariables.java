package fi.polku.cases;

import java.util.Set;

/**
 * Names of form fields that carry a client's identity (a Tasklist start form can only hand them
 * over as variables). The intake step moves them into our tables and removes them; the engine's
 * history never records them (fi.polku.engine.PersonalDataHistoryFilter).
 */
public final class PersonalDataVariables {

  public static final Set<String> NAMES = Set.of("identityCode", "clientName", "clientEmail", "clientPhone");

  private PersonalDataVariables() {}
}
