package fi.polku.api;

import fi.polku.cases.Agency;
import fi.polku.cases.CaseNotFoundException;
import fi.polku.cases.ClientCase;
import fi.polku.cases.ClientCaseService;
import fi.polku.consent.ConsentService;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which cases a caller may see: those its agency takes part in; administrators see all. An agency
 * takes part by having opened the case, by carrying out a path the client lawfully reached it on
 * (the sote centre's health check, a referral sent with consent, a hand-over taken over with
 * consent: the case's agencies), or through a consent in force that lets the client's information
 * reach it. A referral returned for want of consent leaves the receiver outside the case, and an
 * agency that takes part only through a consent is out again the moment it is withdrawn or lapses.
 */
@Component
public class CaseAccess {

  private final ClientCaseService cases;
  private final ConsentService consents;

  CaseAccess(ClientCaseService cases, ConsentService consents) {
    this.cases = cases;
    this.consents = consents;
  }

  /** The case, or 404 when it does not exist or the caller's agency takes no part in it. */
  public ClientCase visibleCase(String caseNumber, Caller caller) {
    ClientCase clientCase = cases.get(caseNumber);
    if (caller.admin() && caller.agency().isEmpty()) {
      return clientCase;
    }
    if (!participants(clientCase).contains(caller.requireAgency())) {
      throw new CaseNotFoundException(caseNumber);
    }
    return clientCase;
  }

  /** The agencies taking part in the case now: its opener, those carrying out its paths, those a consent in force reaches. */
  public Set<Agency> participants(ClientCase clientCase) {
    Set<Agency> participants = EnumSet.of(clientCase.openedByAgency());
    participants.addAll(clientCase.agencies());
    participants.addAll(consents.recipientsInForce(clientCase.caseNumber()));
    return participants;
  }
}
