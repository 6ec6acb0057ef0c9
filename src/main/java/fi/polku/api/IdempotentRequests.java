package fi.polku.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotency-Key for POSTs that create something: the first answer is stored with the key (per
 * caller) in the same transaction as what it created, and a retry with the same key and body gets
 * that answer again instead of creating a second one.
 *
 * <p>Two requests with the same key at the same moment: the first claims the key (its row, not yet
 * committed) before it creates anything. On PostgreSQL the second's claim waits on that row until
 * the first commits, and then gets the first's answer; should the first fail, the second goes on
 * as the first. A database that does not wait (or a wait that times out) answers the second with
 * {@link RequestInProgressException}: 409 with Retry-After. Never a second creation, never a 500.
 */
@Component
public class IdempotentRequests {

  /** The status of a claimed key whose request has not answered yet (never committed as such). */
  private static final int IN_PROGRESS = 0;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  private final TransactionTemplate claim;

  IdempotentRequests(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    // The claim is a savepoint in the caller's transaction: a failed claim leaves the transaction usable.
    this.claim = new TransactionTemplate(transactions);
    this.claim.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** A stored answer. */
  public record Answer(int status, String location, String body) {
    /** As a response with JSON body. */
    public ResponseEntity<String> toResponse() {
      ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, "application/json");
      if (location != null) {
        builder.header(HttpHeaders.LOCATION, location);
      }
      return builder.body(body);
    }
  }

  /**
   * The stored answer to the key, or the new answer from {@code create}, stored with the key.
   * Call inside the transaction that creates the thing.
   */
  public Answer once(Caller caller, String key, String requestBody, Supplier<Answer> create) {
    if (key == null || key.isBlank()) {
      return create.get();
    }
    if (key.length() > 200) {
      throw new ConflictException("Idempotency-Key is longer than 200 characters.");
    }
    String hash = sha256(requestBody);
    Optional<Answer> earlier = find(caller.userId(), key, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (!claim(caller.userId(), key, hash)) {
      // Another request held the key: it has committed by now (its answer is there) or is still running.
      return find(caller.userId(), key, hash).orElseThrow(RequestInProgressException::new);
    }
    Answer answer = create.get();
    jdbc.update("update api_idempotency set status = ?, location = ?, body = ? where caller = ? and idem_key = ?",
        answer.status(), answer.location(), answer.body(), caller.userId(), key);
    return answer;
  }

  /** Claims the key for this request; false when another request holds it. */
  private boolean claim(String caller, String key, String hash) {
    try {
      claim.executeWithoutResult(status -> jdbc.update("insert into api_idempotency (caller, idem_key, request_hash,"
              + " status, location, body, created_at) values (?, ?, ?, ?, ?, ?, ?)",
          caller, key, hash, IN_PROGRESS, null, "", Timestamp.from(clock.instant())));
      return true;
    } catch (DuplicateKeyException | ConcurrencyFailureException held) {
      return false;
    }
  }

  private Optional<Answer> find(String caller, String key, String hash) {
    List<Object[]> rows = jdbc.query("select request_hash, status, location, body from api_idempotency"
            + " where caller = ? and idem_key = ?",
        (rs, row) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)}, caller, key);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    if (!hash.equals(row[0])) {
      throw new ConflictException("This Idempotency-Key was already used for a different request; use a new key.");
    }
    return Optional.of(new Answer((Integer) row[1], (String) row[2], (String) row[3]));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
