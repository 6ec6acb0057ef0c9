package fi.polku.responsible;

import java.time.Instant;

/**
 * One spell of a person's responsibility for a case.
 *
 * @param name the person's name from their Polku user (the user id when none is set)
 * @param until when the spell ended; null while the person is responsible
 * @param setBy who made the change (the user who completed the step or handed the case over)
 */
public record Responsible(long id, String caseNumber, String userId, String name, Reason reason, String note,
    Instant since, Instant until, String setBy) {

  /** Whether the person is the named case manager (not only the worker of an intake step). */
  public boolean caseManager() {
    return reason.caseManager();
  }
}
