package fi.polku.referral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link ReferralRecords} from the referral's mapping and follow-up rows, counted by the database. */
@Component
class ReferralRecordsQuery implements ReferralRecords {

  /** Instance ids per statement: well within what PostgreSQL and H2 take as parameters. */
  private static final int BATCH = 1_000;

  private final JdbcTemplate jdbc;

  ReferralRecordsQuery(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Long> followOnPaths(Collection<String> processInstanceIds) {
    Map<String, Long> counts = new TreeMap<>();
    inBatches(processInstanceIds, (batch) -> jdbc.query("select m.follow_on_paths, count(*) from referral_mapping m"
        + " join referral r on r.id = m.referral_id where r.process_instance_id in (" + marks(batch.size()) + ")"
        + " group by m.follow_on_paths", rs -> {
          long times = rs.getLong(2);
          for (String path : rs.getString(1).split(",")) {
            if (!path.isBlank()) {
              counts.merge(path.trim(), times, Long::sum);
            }
          }
        }, batch.toArray()));
    return counts;
  }

  @Override
  public List<OutcomeCount> outcomes(Collection<String> processInstanceIds) {
    List<OutcomeCount> counts = new ArrayList<>();
    inBatches(processInstanceIds, (batch) -> jdbc.query("select o.months, o.outcome, o.satisfaction, count(*)"
        + " from referral_outcome o join referral r on r.id = o.referral_id"
        + " where r.process_instance_id in (" + marks(batch.size()) + ") group by o.months, o.outcome, o.satisfaction",
        rs -> {
          counts.add(new OutcomeCount(rs.getInt(1), rs.getString(2),
              rs.getObject(3) == null ? null : rs.getInt(3), rs.getLong(4)));
        }, batch.toArray()));
    return counts;
  }

  private static void inBatches(Collection<String> ids, Consumer<List<String>> query) {
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += BATCH) {
      query.accept(all.subList(from, Math.min(all.size(), from + BATCH)));
    }
  }

  private static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }
}
