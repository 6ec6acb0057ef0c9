package fi.polku.api;

/** A request parameter that cannot be used: answered 400 naming the parameter and the reason. */
public class InvalidParameterException extends RuntimeException {

  private final String field;

  public InvalidParameterException(String field, String reason) {
    super(reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
