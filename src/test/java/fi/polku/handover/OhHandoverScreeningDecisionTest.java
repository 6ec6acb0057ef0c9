package fi.polku.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import fi.polku.support.DecisionTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/oh-handover-screening.dmn through the engine's decision service: one case per rule,
 * the FIRST-hit orderings that matter (change security wins over everything), and missing
 * answers, which never let anyone into the pilot's target group (Keski-Suomen hankesuunnitelma §2.2.4).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = OhHandoverScreeningDecisionTest.RESOURCE)
class OhHandoverScreeningDecisionTest {

  static final String RESOURCE = "processes/oh-handover-screening.dmn";
  static final String DECISION = "oh-handover-screening";

  // Process variables the oh-handover process must set (booleans; null = not answered).
  static final String CHANGE_SECURITY = "changeSecurity";
  static final String PARTIAL_WORK_ABILITY = "partialWorkAbility";
  static final String THREAT_OF_UNEMPLOYMENT = "threatOfUnemployment";

  // Outputs.
  static final String IN_TARGET_GROUP = "inTargetGroup";
  static final String SCREENING_REASON = "screeningReason";

  static final boolean IN = true;
  static final boolean OUT = false;
  static final Boolean YES = Boolean.TRUE;
  static final Boolean NO = Boolean.FALSE;
  static final Boolean UNANSWERED = null;

  /** Each case: what it shows, the three answers, the outcome and the rule that must fire. */
  static final List<ScreeningCase> CASES = List.of(
      // one case per rule, in the table's order
      screening("change security excludes even a partially work-able employee under threat of unemployment",
          YES, YES, YES, OUT, "Rule_ChangeSecurity"),
      screening("an employee with no threat of unemployment stays in statutory occupational health care",
          NO, YES, NO, OUT, "Rule_NoThreatOfUnemployment"),
      screening("an employee under threat of unemployment without partial work ability is not in the pilot",
          NO, NO, YES, OUT, "Rule_NoPartialWorkAbility"),
      screening("a partially work-able employee under threat of unemployment without change security is in the pilot",
          NO, YES, YES, IN, "Rule_InTargetGroup"),
      screening("a screening with no answers asks the professional to fill it in",
          UNANSWERED, UNANSWERED, UNANSWERED, OUT, "Rule_IncompleteScreening"),
      // FIRST-hit orderings
      screening("change security wins when nothing else qualifies either",
          YES, NO, NO, OUT, "Rule_ChangeSecurity"),
      screening("change security decides even before the rest of the screening is filled",
          YES, UNANSWERED, UNANSWERED, OUT, "Rule_ChangeSecurity"),
      screening("no threat of unemployment is the reason given before no partial work ability",
          NO, NO, NO, OUT, "Rule_NoThreatOfUnemployment"),
      screening("a known 'no threat of unemployment' decides although change security is unanswered",
          UNANSWERED, YES, NO, OUT, "Rule_NoThreatOfUnemployment"),
      screening("a known 'no partial work ability' decides although change security is unanswered",
          UNANSWERED, NO, YES, OUT, "Rule_NoPartialWorkAbility"),
      // missing answers never pass into the target group
      screening("unanswered change security keeps an otherwise qualifying employee out until filled",
          UNANSWERED, YES, YES, OUT, "Rule_IncompleteScreening"),
      screening("unanswered partial work ability keeps the employee out until filled",
          NO, UNANSWERED, YES, OUT, "Rule_IncompleteScreening"),
      screening("unanswered threat of unemployment keeps the employee out until filled",
          NO, YES, UNANSWERED, OUT, "Rule_IncompleteScreening"));

  ProcessEngine engine;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void screensTheEmployeeForThePilotsTargetGroup(ScreeningCase given) {
    DmnDecisionResult result = evaluate(given.variables());

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys(IN_TARGET_GROUP, SCREENING_REASON);
    assertThat((Boolean) result.getSingleResult().getEntry(IN_TARGET_GROUP)).isEqualTo(given.inTargetGroup());
    assertThat((String) result.getSingleResult().getEntry(SCREENING_REASON)).isNotBlank();
    assertThat(matchedRule()).isEqualTo(given.rule());
  }

  @Test
  void onlyAFullyAnsweredQualifyingScreeningIsInTheTargetGroup() {
    List<Boolean> answers = Arrays.asList(YES, NO, UNANSWERED);
    List<String> inTargetGroup = new ArrayList<>();
    for (Boolean changeSecurity : answers) {
      for (Boolean partialWorkAbility : answers) {
        for (Boolean threatOfUnemployment : answers) {
          DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey(DECISION)
              .variables(screening("", changeSecurity, partialWorkAbility, threatOfUnemployment, OUT, "")
                  .variables())
              .evaluate();
          assertThat(result).hasSize(1);
          if (Boolean.TRUE.equals(result.getSingleResult().getEntry(IN_TARGET_GROUP))) {
            inTargetGroup.add(changeSecurity + "," + partialWorkAbility + "," + threatOfUnemployment);
          }
        }
      }
    }

    assertThat(inTargetGroup).as("of all 27 combinations of yes / no / unanswered")
        .containsExactly("false,true,true");
  }

  @Test
  void aScreeningWhoseVariablesWereNeverSetIsIncomplete() {
    DmnDecisionResult result = evaluate(Variables.createVariables());

    assertThat(result).hasSize(1);
    assertThat((Boolean) result.getSingleResult().getEntry(IN_TARGET_GROUP)).isFalse();
    assertThat(matchedRule()).isEqualTo("Rule_IncompleteScreening");
  }

  @Test
  void theProfessionalReadsTheReasonAsABusinessRuleTaskReadsIt() {
    assertThat(reasonFor(YES, YES, YES))
        .isEqualTo("Muutosturvan piirissä: ei pilotin kohderyhmää; lakisääteinen työterveyshuolto jatkuu");
    assertThat(reasonFor(NO, YES, YES)).isEqualTo("Osatyökykyinen, jonka työsuhde on päättymässä: "
        + "laajennettu terveystarkastus ja siirto työkykykoordinaattorille");
    assertThat(reasonFor(NO, UNANSWERED, YES)).startsWith("Tiedot puutteelliset: täytä seulonnan");
  }

  @Test
  void everyRuleOfTheTableHasATestCase() throws Exception {
    Set<String> rulesInTable = DecisionTables.ruleIds(RESOURCE);

    assertThat(CASES.stream().map(ScreeningCase::rule).collect(Collectors.toSet()))
        .as("a rule added or renamed in Modeler needs its case in CASES")
        .isEqualTo(rulesInTable);
  }

  static List<ScreeningCase> cases() {
    return CASES;
  }

  private DmnDecisionResult evaluate(VariableMap variables) {
    return engine.getDecisionService().evaluateDecisionByKey(DECISION).variables(variables).evaluate();
  }

  private String reasonFor(Boolean changeSecurity, Boolean partialWorkAbility, Boolean threatOfUnemployment) {
    DmnDecisionTableResult result = engine.getDecisionService().evaluateDecisionTableByKey(DECISION,
        screening("", changeSecurity, partialWorkAbility, threatOfUnemployment, OUT, "").variables());
    assertThat(result).hasSize(1);
    return result.getSingleResult().getEntry(SCREENING_REASON);
  }

  /** The id of the rule that produced the only evaluation so far, read from the full history. */
  private String matchedRule() {
    return DecisionTables.matchedRule(engine, DECISION);
  }

  private static ScreeningCase screening(String behaviour, Boolean changeSecurity,
      Boolean partialWorkAbility, Boolean threatOfUnemployment, boolean inTargetGroup, String rule) {
    return new ScreeningCase(behaviour, changeSecurity, partialWorkAbility, threatOfUnemployment,
        inTargetGroup, rule);
  }

  record ScreeningCase(String behaviour, Boolean changeSecurity, Boolean partialWorkAbility,
      Boolean threatOfUnemployment, boolean inTargetGroup, String rule) {

    /** All three variables set; an unanswered one is set to null, as a form leaves it. */
    VariableMap variables() {
      return Variables.createVariables()
          .putValue(CHANGE_SECURITY, changeSecurity)
          .putValue(PARTIAL_WORK_ABILITY, partialWorkAbility)
          .putValue(THREAT_OF_UNEMPLOYMENT, threatOfUnemployment);
    }

    @Override
    public String toString() {
      return behaviour;
    }
  }
}
