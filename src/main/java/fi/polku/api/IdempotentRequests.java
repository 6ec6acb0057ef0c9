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
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Idempotency-Key for POSTs that create something: the first answer is stored with the key (per
 * caller) in the same transaction as what it created, and a retry with the same key and body gets
 * that answer again instead of creating a second one.
 */
@Component
public class IdempotentRequests {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  IdempotentRequests(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
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
    Answer answer = create.get();
    jdbc.update("insert into api_idempotency (caller, idem_key, request_hash, status, location, body, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        caller.userId(), key, hash, answer.status(), answer.location(), answer.body(), Timestamp.from(clock.instant()));
    return answer;
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
