package fi.polku.cases;

/**
 * What opening a case needs. The identity code is parsed (validated) before it gets here.
 *
 * @param email the client's address for invitations and reminders (may be null)
 * @param language the language every mail to the client is written in
 */
public record NewCase(
    PersonalIdentityCode identityCode,
    String displayName,
    String email,
    String phone,
    String municipality,
    Agency openedByAgency,
    String openedBy,
    ClientLanguage language) {

  /** A case of a client served in Finnish (or whose language is recorded later, from the path's variable). */
  public NewCase(PersonalIdentityCode identityCode, String displayName, String email, String phone, String municipality,
      Agency openedByAgency, String openedBy) {
    this(identityCode, displayName, email, phone, municipality, openedByAgency, openedBy, ClientLanguage.FI);
  }
}
