package fi.polku.cases;

/** No case with that number, or one the caller's agency takes no part in (both look the same). */
public class CaseNotFoundException extends RuntimeException {

  private final String caseNumber;

  public CaseNotFoundException(String caseNumber) {
    super("No case " + caseNumber);
    this.caseNumber = caseNumber;
  }

  public String caseNumber() {
    return caseNumber;
  }
}
