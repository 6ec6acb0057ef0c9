package fi.polku.healthcheck;

/** A request for a health check with a field missing or refused; the message names the field, never its value. */
class InvalidHealthCheckRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InvalidHealthCheckRequestException(String fieldAndReason) {
    super(fieldAndReason);
  }
}
