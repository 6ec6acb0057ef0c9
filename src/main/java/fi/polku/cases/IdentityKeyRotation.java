package fi.polku.cases;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals again, with the current IDENTITY_KEY, every stored identity code that another key sealed:
 * the second half of a key change without downtime (docs/deployment.md, "Changing IDENTITY_KEY").
 * Runs in the background after start-up, in small transactions, on every node at once if need be:
 * a row is updated only if it still holds what was read, so two nodes never undo each other.
 */
@Component
class IdentityKeyRotation {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityKeyRotation.class);
  private static final int BATCH = 200;

  /** What one pass did: rows sealed again, rows no given key opens, rows still under another key. */
  record Result(int resealed, int unreadable, int remaining) {}

  private record Row(long id, String encrypted) {}

  private final JdbcTemplate jdbc;
  private final IdentityProtector protector;
  private final TransactionTemplate transaction;

  IdentityKeyRotation(JdbcTemplate jdbc, IdentityProtector protector, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.transaction = transaction;
  }

  @EventListener(ApplicationReadyEvent.class)
  void afterStart() {
    if (remaining() == 0) {
      return;
    }
    Thread worker = new Thread(() -> {
      try {
        Result result = run();
        // Counts only: no identity code, hash or client id is ever logged.
        LOG.info("Identity codes sealed again with the current key: {}; unreadable with the given keys: {};"
            + " still under another key: {}", result.resealed(), result.unreadable(), result.remaining());
        if (protector.rotating() && result.remaining() == 0) {
          LOG.info("Every identity code is sealed with IDENTITY_KEY: IDENTITY_KEY_PREVIOUS can now be removed");
        }
      } catch (RuntimeException e) {
        LOG.error("Sealing identity codes with the current key stopped; the next start continues", e);
      }
    }, "polku-identity-key-rotation");
    worker.setDaemon(true);
    worker.start();
  }

  /** One pass over the rows sealed with another key than the current one (or with no key id yet). */
  Result run() {
    int resealed = 0;
    int unreadable = 0;
    long after = 0;
    while (true) {
      List<Row> batch = jdbc.query("select id, identity_encrypted from client"
              + " where (identity_key_id is null or identity_key_id <> ?) and id > ? order by id fetch first "
              + BATCH + " rows only",
          (rs, n) -> new Row(rs.getLong(1), rs.getString(2)), protector.currentKeyId(), after);
      if (batch.isEmpty()) {
        break;
      }
      int[] counts = transaction.execute(status -> {
        int done = 0;
        int failed = 0;
        for (Row row : batch) {
          var sealed = protector.reseal(row.encrypted());
          if (sealed.isEmpty()) {
            failed++;
            continue;
          }
          done += jdbc.update("update client set identity_encrypted = ?, identity_hash = ?, identity_key_id = ?"
                  + " where id = ? and identity_encrypted = ?",
              sealed.get().encrypted(), sealed.get().hash(), sealed.get().keyId(), row.id(), row.encrypted());
        }
        return new int[] {done, failed};
      });
      resealed += counts[0];
      unreadable += counts[1];
      after = batch.get(batch.size() - 1).id();
    }
    return new Result(resealed, unreadable, remaining());
  }

  /** Rows not yet sealed with the current key. */
  int remaining() {
    Integer count = jdbc.queryForObject(
        "select count(*) from client where identity_key_id is null or identity_key_id <> ?", Integer.class,
        protector.currentKeyId());
    return count == null ? 0 : count;
  }
}
