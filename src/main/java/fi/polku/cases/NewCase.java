package fi.polku.cases;

/**
 * What opening a case needs. The identity code is parsed (validated) before it gets here.
 *
 * @param email the client's address for invitations and reminders (may be null)
 */
public record NewCase(
    PersonalIdentityCode identityCode,
    String displayName,
    String email,
    String phone,
    String municipality,
    Agency openedByAgency,
    String openedBy) {}
