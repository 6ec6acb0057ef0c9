package fi.polku.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached right now (restarting, failing over, the
 * pool out of connections): the caller gets 503 with Retry-After, not 500, and nothing was stored
 * because the transaction never committed (issue 20, docs/reliability.md).
 */
final class DatabaseUnavailable {

  /** Seconds a caller is asked to wait before it tries again. */
  static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {}

  static boolean causedBy(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 30; cause = cause.getCause(), depth++) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
          || cause instanceof ConnectException) {
        return true;
      }
      // The rollback after a broken connection fails too and hides the first error (seen in reliability/run).
      if (cause instanceof TransactionSystemException
          || (cause instanceof SQLException closed && "Connection is closed".equals(closed.getMessage()))) {
        return true;
      }
      // 08: connection exception; 57P01-57P03: the server is shutting down or starting up.
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
