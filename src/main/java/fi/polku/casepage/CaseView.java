package fi.polku.casepage;

import fi.polku.api.CaseContentSource.CaseContent;
import fi.polku.cases.Agency;
import fi.polku.cases.ClientLanguage;
import fi.polku.responsible.Responsible;
import fi.polku.responsible.ResponsibleWorkers;
import fi.polku.consent.Consent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the case page shows, already filtered for the viewer: only content a consent in
 * force lets the viewer's agency see is here.
 *
 * @param maskedIdentityCode e.g. {@code 131052-****}
 * @param participants the agencies taking part now (the opening one and those a consent in force reaches)
 */
record CaseView(
    String caseNumber,
    String clientName,
    String maskedIdentityCode,
    String municipality,
    Instant openedAt,
    Agency openedBy,
    List<Agency> participants,
    List<Path> paths,
    List<Event> timeline,
    List<Consent> consentsInForce,
    List<Consent> pastConsents,
    List<CaseContent> content,
    LocalDate today,
    ClientLanguage language,
    Responsibility responsibility) {

  /**
   * Who is responsible for the case now and who was before, newest first; whether the viewer may
   * hand the case over, and to whom.
   */
  record Responsibility(Responsible current, List<Responsible> history, boolean mayChange,
      List<ResponsibleWorkers.Candidate> candidates) {}

  /** One service path of the case, with the steps it waits at now. */
  record Path(String name, boolean running, Instant startedAt, Instant endedAt, String endState, List<Step> steps) {}

  /** A step the path waits at, who holds it and by when. */
  record Step(String name, String holder, Instant dueAt, boolean overdue) {}

  /** One line of the case's history. */
  record Event(Instant at, String what, String detail) {}
}
