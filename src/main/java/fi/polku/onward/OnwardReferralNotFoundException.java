package fi.polku.onward;

/** No onward referral of that id that the caller's agency sends or receives (answered 404). */
public class OnwardReferralNotFoundException extends RuntimeException {

  public OnwardReferralNotFoundException(long id) {
    super("No onward referral " + id + " that your agency sends or receives");
  }
}
