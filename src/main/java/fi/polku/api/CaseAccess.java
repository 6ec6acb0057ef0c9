package fi.polku.api;

import fi.polku.cases.ClientCase;
import fi.polku.cases.ClientCaseService;
import org.springframework.stereotype.Component;

/** Which cases a caller may see: those its agency takes part in; administrators see all. */
@Component
public class CaseAccess {

  private final ClientCaseService cases;

  CaseAccess(ClientCaseService cases) {
    this.cases = cases;
  }

  /** The case, or 404 when it does not exist or the caller's agency takes no part in it. */
  public ClientCase visibleCase(String caseNumber, Caller caller) {
    if (caller.admin() && caller.agency().isEmpty()) {
      return cases.get(caseNumber);
    }
    return cases.getFor(caseNumber, caller.requireAgency());
  }
}
