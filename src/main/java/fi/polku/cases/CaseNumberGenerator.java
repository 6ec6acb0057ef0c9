package fi.polku.cases;

import fi.polku.calendar.WorkingDays;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Case numbers readable over the phone: {@code TK-2026-000123}. The number comes from a database
 * sequence that never restarts, so a number is unique across nodes and never reused.
 */
@Component
public class CaseNumberGenerator {

  /** What a case number looks like. */
  public static final Pattern FORMAT = Pattern.compile("TK-\\d{4}-\\d{6,}");

  static final String PREFIX = "TK";

  private final DataFieldMaxValueIncrementer sequence;
  private final Clock clock;

  CaseNumberGenerator(DataSource dataSource, Clock clock) {
    this.sequence = incrementer(dataSource);
    this.clock = clock;
  }

  /** The next case number of the current year. */
  public String next() {
    int year = LocalDate.now(clock.withZone(WorkingDays.FINLAND)).getYear();
    return String.format(Locale.ROOT, "%s-%d-%06d", PREFIX, year, sequence.nextLongValue());
  }

  private static DataFieldMaxValueIncrementer incrementer(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database for case numbers", e);
    }
    if (product.toLowerCase(Locale.ROOT).contains("postgres")) {
      return new PostgresSequenceMaxValueIncrementer(dataSource, "case_number_seq");
    }
    return new H2SequenceMaxValueIncrementer(dataSource, "case_number_seq");
  }
}
