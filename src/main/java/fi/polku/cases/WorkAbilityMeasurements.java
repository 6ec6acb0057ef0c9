package fi.polku.cases;

import java.sql.Timestamp;
import java.time.Clock;
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
    Object value = step.getVariable(variable);
    if (!(value instanceof Number number) || number.intValue() < instrument.min || number.intValue() > instrument.max) {
      return;
    }
    String caseNumber = step.getProcessBusinessKey();
    jdbc.update("insert into work_ability_measurement (client_id, case_number, instrument, score, measured_at, step)"
            + " values (?, ?, ?, ?, ?, ?)",
        cases.get(caseNumber).clientId(), caseNumber, instrument.name(), number.intValue(),
        Timestamp.from(clock.instant()), step.getProcessDefinitionId().split(":")[0] + "/" + step.getCurrentActivityId());
  }
}
