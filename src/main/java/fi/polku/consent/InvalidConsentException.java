package fi.polku.consent;

/** A consent that cannot be recorded as given: names the field and the reason. */
public class InvalidConsentException extends RuntimeException {

  private final String field;

  public InvalidConsentException(String field, String reason) {
    super(reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
