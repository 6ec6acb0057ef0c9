package fi.polku.cases;

import java.util.Set;

/**
 * Names of form fields that carry a client's identity (a Tasklist start form can only hand them
 * over as variables). The intake step moves them into our tables and removes them; the engine's
 * history never records them (fi.polku.engine.PersonalDataHistoryFilter). {@code taskClientName}
 * is the client's name on an open task for Tasklist's list (fi.polku.engine.CaseNumberOnTasks):
 * gone with the task, never in history.
 */
public final class PersonalDataVariables {

  public static final Set<String> NAMES = Set.of("identityCode", "clientName", "clientEmail", "clientPhone", "taskClientName");

  private PersonalDataVariables() {}
}
