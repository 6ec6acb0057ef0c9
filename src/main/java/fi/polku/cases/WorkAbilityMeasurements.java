package fi.polku.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Work-ability measurements of a case's client as the paths make them: the WHODAS 2.0 sum and the
 * Kykyviisari score. Only the scores are kept, with the time and the step, so the programme
 * evaluation can compare a client's first and last measurement across paths.
 */
@Service
public class WorkAbilityMeasurements {

  /** The instruments and the range of their scores. */
  public enum Instrument {
    /** WHODAS 2.0, 12 questions, sum 0–48: lower is better. */
    WHODAS(0, 48, true),
    /** Kykyviisari (the work-ability indicator), 0–10: higher is better. */
    KYKYVIISARI(0, 10, false);

    private final int min;
    private final int max;
    private final boolean lowerIsBetter;

    Instrument(int min, int max, boolean lowerIsBetter) {
      this.min = min;
      this.max = max;
      this.lowerIsBetter = lowerIsBetter;
    }

    /** The highest score the instrument gives. */
    public int max() {
      return max;
    }

    /** True when a lower score means better work ability (WHODAS counts difficulties). */
    public boolean lowerIsBetter() {
      return lowerIsBetter;
    }
  }

  private final JdbcTemplate jdbc;
  private final ClientCaseService cases;
  private final Clock clock;

  WorkAbilityMeasurements(JdbcTemplate jdbc, ClientCaseService cases, Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.clock = clock;
  }

  /**
   * Records the score given in the step's variable, if the form had one (the measurement is
   * optional on every form); a score outside the instrument's range is not a measurement and is
   * left out.
   */
  public void recordFrom(DelegateExecution step, String variable, Instrument instrument) {
    recordFrom(step, variable, instrument, null);
  }

  /** As {@link #recordFrom(DelegateExecution, String, Instrument)}, with the flag the scoring gave (WHODAS). */
  public void recordFrom(DelegateExecution step, String variable, Instrument instrument, String flag) {
    Object value = step.getVariable(variable);
    if (!(value instanceof Number number) || number.intValue() < instrument.min || number.intValue() > instrument.max) {
      return;
    }
    String caseNumber = step.getProcessBusinessKey();
    jdbc.update("insert into work_ability_measurement (client_id, case_number, instrument, score, measured_at, step, flag)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        cases.get(caseNumber).clientId(), caseNumber, instrument.name(), number.intValue(),
        Timestamp.from(clock.instant()), step.getProcessDefinitionId().split(":")[0] + "/" + step.getCurrentActivityId(),
        flag);
  }

  /** One measurement: the score, the flag the scoring gave (WHODAS; null if none was kept) and when. */
  public record Measurement(int score, String flag, Instant measuredAt) {}

  /**
   * The latest scored measurement of the case's client (on any of the client's cases) made at or
   * after {@code since}, so a path need not ask the client the same questions again.
   */
  public Optional<Measurement> latestSince(String caseNumber, Instrument instrument, Instant since) {
    return jdbc.query("select score, flag, measured_at from work_ability_measurement where client_id = ?"
            + " and instrument = ? and measured_at >= ? and (flag is not null or instrument <> 'WHODAS')"
            + " order by measured_at desc, id desc",
        (rs, row) -> new Measurement(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
        cases.get(caseNumber).clientId(), instrument.name(), Timestamp.from(since))
        .stream().findFirst();
  }

  /** Client ids per statement: well within what PostgreSQL and H2 take as parameters. */
  private static final int BATCH = 1_000;

  /**
   * For the programme evaluation: per instrument, how many of these clients changed by how much
   * from their first measurement to their last (last minus first, in the instrument's points),
   * counting only the clients measured at least twice with it. Only the counts leave the module.
   */
  public Map<Instrument, Map<Integer, Long>> changes(Collection<Long> clientIds) {
    Map<Instrument, Map<Integer, Long>> changes = new EnumMap<>(Instrument.class);
    for (Instrument instrument : Instrument.values()) {
      changes.put(instrument, new TreeMap<>());
    }
    List<Long> all = List.copyOf(clientIds);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<Long> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      // Per instrument and client of the batch: the first score, the last score and how many there were.
      Map<Instrument, Map<Long, int[]>> measured = new EnumMap<>(Instrument.class);
      jdbc.query("select client_id, instrument, score from work_ability_measurement where client_id in ("
          + String.join(", ", Collections.nCopies(batch.size(), "?")) + ") order by client_id, instrument, measured_at, id",
          rs -> {
            int score = rs.getInt(3);
            int[] firstLastCount = measured.computeIfAbsent(Instrument.valueOf(rs.getString(2)), i -> new HashMap<>())
                .computeIfAbsent(rs.getLong(1), client -> new int[] {score, score, 0});
            firstLastCount[1] = score;
            firstLastCount[2]++;
          }, batch.toArray());
      measured.forEach((instrument, byClient) -> byClient.values().stream().filter(firstLastCount -> firstLastCount[2] >= 2)
          .forEach(firstLastCount -> changes.get(instrument).merge(firstLastCount[1] - firstLastCount[0], 1L, Long::sum)));
    }
    return changes;
  }
}
