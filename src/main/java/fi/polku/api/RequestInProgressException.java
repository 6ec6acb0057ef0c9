package fi.polku.api;

/**
 * A request with the same Idempotency-Key is still being carried out (answered 409 with
 * Retry-After): the caller retries later and then gets the first request's answer.
 */
public class RequestInProgressException extends RuntimeException {

  /** Seconds after which a retry will most likely find the first request's answer. */
  static final int RETRY_AFTER_SECONDS = 1;

  public RequestInProgressException() {
    super("A request with this Idempotency-Key is still in progress; retry after " + RETRY_AFTER_SECONDS
        + " s to get its answer.");
  }
}
