package fi.polku.referral;

import fi.polku.api.ConflictException;

/** The client already has an open te-referral: a second one is refused, naming the open case. */
public class OpenReferralExistsException extends ConflictException {

  private final String openCaseNumber;

  public OpenReferralExistsException(String openCaseNumber) {
    super("Asiakkaalla on jo avoin lähete asiassa " + openCaseNumber + " (the client already has an open referral).");
    this.openCaseNumber = openCaseNumber;
  }

  public String openCaseNumber() {
    return openCaseNumber;
  }
}
