package fi.polku.api;

/** The request conflicts with what is already stored (answered 409); the message says with what. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
