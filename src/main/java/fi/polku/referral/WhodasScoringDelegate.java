package fi.polku.referral;

import fi.polku.cases.WorkAbilityMeasurements;
import fi.polku.cases.WorkAbilityMeasurements.Instrument;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Scores the client's WHODAS 2.0 answers with the whodas-scoring decision into a red/yellow/green
 * flag, and records the sum (with the flag) and a Kykyviisari score given on the same form as
 * measurements. A client who declined is not scored; a recent measurement the counsellor did not
 * repeat keeps its flag and is not recorded again.
 *
 * <p>Only health-check-invitation's {@code Task_ScoreWhodas} still calls it; te-referral takes the
 * decision in its diagram (business-rule task {@code Task_ScoreWhodas}, then {@link RecordWhodasDelegate}).
 */
@Component("whodasScoringDelegate")
class WhodasScoringDelegate implements JavaDelegate {

  private final DecisionService decisions;
  private final WorkAbilityMeasurements measurements;

  WhodasScoringDelegate(DecisionService decisions, WorkAbilityMeasurements measurements) {
    this.decisions = decisions;
    this.measurements = measurements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable(TeReferralModel.CLIENT_DECLINED))) {
      // A client who declines is not asked the questions, and nothing is measured for them.
      return;
    }
    if (Boolean.TRUE.equals(execution.getVariable(TeReferralModel.WHODAS_RECENT))
        && !Boolean.TRUE.equals(execution.getVariable(TeReferralModel.WHODAS_REMEASURE))) {
      // The recent measurement's flag and sum stand (set before the task); it is not counted twice.
      measurements.recordFrom(execution, "kykyviisariScore", Instrument.KYKYVIISARI);
      return;
    }
    Map<String, Object> answers = new HashMap<>();
    for (int item = 1; item <= 12; item++) {
      Object value = execution.getVariable("whodas" + item);
      answers.put("whodas" + item, value instanceof Number number ? number.intValue() : value);
    }
    DmnDecisionResult flag = decisions.evaluateDecisionByKey("whodas-scoring").variables(answers).evaluate();
    DmnDecisionResult sum = decisions.evaluateDecisionByKey("whodas-sum").variables(answers).evaluate();
    // Missing answers give no flag: the path goes on as if green, the team sees "none".
    execution.setVariable(TeReferralModel.WHODAS_FLAG,
        flag.isEmpty() ? "none" : flag.getSingleResult().getEntry("whodasFlag"));
    Object total = sum.isEmpty() ? null : sum.getSingleResult().getSingleEntry();
    execution.setVariable(TeReferralModel.WHODAS_SUM, total instanceof Number number ? number.intValue() : null);
    // The scores go to the client's measurements for the evaluation (the answers stay in the task).
    measurements.recordFrom(execution, TeReferralModel.WHODAS_SUM, Instrument.WHODAS,
        (String) execution.getVariable(TeReferralModel.WHODAS_FLAG));
    measurements.recordFrom(execution, "kykyviisariScore", Instrument.KYKYVIISARI);
  }
}
