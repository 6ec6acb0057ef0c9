package fi.polku.responsible;

/** A change of case manager that cannot be made: names the field and why, never a value. */
public class InvalidChangeException extends RuntimeException {

  private final String field;

  InvalidChangeException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  /** The field that is wrong: newUser, note or changedBy. */
  public String field() {
    return field;
  }
}
