package fi.polku.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import fi.polku.support.DecisionTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/whodas-scoring.dmn through the engine's decision service: the sum and the highest
 * item from the twelve answers, one case per flag rule, and both sides of every threshold.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = WhodasScoringDecisionTest.RESOURCE)
class WhodasScoringDecisionTest {

  static final String RESOURCE = "processes/whodas-scoring.dmn";
  static final String DECISION = "whodas-scoring";
  static final String SUM_DECISION = "whodas-sum";
  static final String MAX_DECISION = "whodas-max";

  /** Process variables whodas1 … whodas12, integers 0 (no difficulty) … 4 (extreme / cannot do). */
  static final String ITEM_PREFIX = "whodas";
  static final int ITEMS = 12;

  static final String WHODAS_SUM = "whodasSum";
  static final String WHODAS_MAX = "whodasMax";
  static final String WHODAS_FLAG = "whodasFlag";
  static final String WHODAS_ADVICE = "whodasAdvice";
  static final String RED = "red";
  static final String YELLOW = "yellow";
  static final String GREEN = "green";

  ProcessEngine engine;

  @ParameterizedTest(name = "sum {0}, highest item {1} -> {2} by {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # sum | highest | flag   | rule
        20  | 2       | red    | Rule_RedSum
        48  | 4       | red    | Rule_RedSum
        19  | 4       | red    | Rule_RedItem
         9  | 4       | red    | Rule_RedItem
         4  | 4       | red    | Rule_RedItem
        19  | 3       | yellow | Rule_YellowSum
        19  | 2       | yellow | Rule_YellowSum
        10  | 2       | yellow | Rule_YellowSum
         9  | 3       | yellow | Rule_YellowItem
         3  | 3       | yellow | Rule_YellowItem
         9  | 2       | green  | Rule_Green
         0  | 0       | green  | Rule_Green
      """)
  void flagsTheSelfAssessment(int sum, int highest, String flag, String rule) {
    DmnDecisionResult result = evaluate(DECISION, answers(sum, highest));

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys(WHODAS_FLAG, WHODAS_ADVICE, WHODAS_SUM);
    // The sum travels with the flag, so the process's business-rule task records both from one result.
    assertThat(((Number) result.getSingleResult().getEntry(WHODAS_SUM)).intValue()).isEqualTo(sum);
    assertThat((String) result.getSingleResult().getEntry(WHODAS_FLAG)).isEqualTo(flag);
    assertThat((String) result.getSingleResult().getEntry(WHODAS_ADVICE)).isNotBlank();
    assertThat(matchedRule()).isEqualTo(rule);
  }

  @Test
  void aSumOfTwentyGoesToSpecialistCareAndNineteenToTheTeam() {
    assertThat(flag(answers(20, 2))).isEqualTo(RED);
    assertThat(flag(answers(19, 2))).isEqualTo(YELLOW);
  }

  @Test
  void aSumOfTenGoesToTheTeamAndNineIsGuidanceOnly() {
    assertThat(flag(answers(10, 2))).isEqualTo(YELLOW);
    assertThat(flag(answers(9, 2))).isEqualTo(GREEN);
  }

  @Test
  void oneExtremeAnswerGoesToSpecialistCareAndOneSevereAnswerToTheTeam() {
    assertThat(flag(answers(4, 4))).isEqualTo(RED);
    assertThat(flag(answers(4, 3))).isEqualTo(YELLOW);
    assertThat(flag(answers(4, 2))).isEqualTo(GREEN);
  }

  @Test
  void redAdviceIsAMultiProfessionalAssessmentInSpecialistCare() {
    DmnDecisionResult result = evaluate(DECISION, answers(4, 4));

    assertThat((String) result.getSingleResult().getEntry(WHODAS_ADVICE))
        .contains("erikoissairaanhoidon moniammatilliseen arvioon");
  }

  @Test
  void theSumAndTheHighestItemAreComputedFromTheTwelveAnswers() {
    VariableMap answers = items(0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 1);

    assertThat((Object) evaluate(SUM_DECISION, answers).getSingleEntry()).isEqualTo(16);
    assertThat((Object) evaluate(MAX_DECISION, answers).getSingleEntry()).isEqualTo(3);
    assertThat(flag(answers)).isEqualTo(YELLOW);
  }

  @Test
  void aMissingAnswerGivesNoFlagRatherThanGreen() {
    VariableMap answers = answers(0, 0);
    answers.remove(ITEM_PREFIX + 7);

    assertThat(evaluate(DECISION, answers)).isEmpty();
  }

  @Test
  void everyRuleOfTheTableHasATestCase() throws Exception {
    Set<String> rulesInTable = DecisionTables.ruleIds(RESOURCE);

    // the rules named in flagsTheSelfAssessment's table
    assertThat(rulesInTable)
        .as("a rule added or renamed in Modeler needs its row in flagsTheSelfAssessment")
        .containsExactlyInAnyOrder("Rule_RedSum", "Rule_RedItem", "Rule_YellowSum", "Rule_YellowItem", "Rule_Green");
  }

  private DmnDecisionResult evaluate(String decision, VariableMap answers) {
    return engine.getDecisionService().evaluateDecisionByKey(decision).variables(answers).evaluate();
  }

  private String flag(VariableMap answers) {
    return evaluate(DECISION, answers).getSingleResult().getEntry(WHODAS_FLAG);
  }

  /** Twelve answers that add up to {@code sum} and whose highest answer is {@code highest}. */
  static VariableMap answers(int sum, int highest) {
    if (sum < highest || sum > ITEMS * highest) {
      throw new IllegalArgumentException("no twelve answers of at most " + highest + " add up to " + sum);
    }
    int[] scores = new int[ITEMS];
    int left = sum;
    for (int i = 0; i < ITEMS && left > 0; i++) {
      scores[i] = Math.min(highest, left);
      left -= scores[i];
    }
    return items(scores);
  }

  static VariableMap items(int... scores) {
    assertThat(scores).hasSize(ITEMS);
    VariableMap variables = Variables.createVariables();
    for (int i = 0; i < ITEMS; i++) {
      variables.putValue(ITEM_PREFIX + (i + 1), scores[i]);
    }
    return variables;
  }

  /** The id of the flag rule that produced the last evaluation, read from the full history. */
  private String matchedRule() {
    return DecisionTables.matchedRule(engine, DECISION);
  }
}
