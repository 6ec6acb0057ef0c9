package fi.polku.healthcheck;

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
 * processes/health-check-eligibility.dmn through the engine's decision service: one case per
 * rule, both sides of every threshold (12 months since the last check, 12 and 24 months of
 * unemployment), the FIRST-hit orderings that matter, a never-done health check (null) that
 * counts as "never", and missing answers, which never lead to an invitation (Keski-Suomen hankesuunnitelma §2.2.1
 * measure 2; service-paths.md path 2 step 1).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = HealthCheckEligibilityDecisionTest.RESOURCE)
class HealthCheckEligibilityDecisionTest {

  static final String RESOURCE = "processes/health-check-eligibility.dmn";
  static final String DECISION = "health-check-eligibility";

  // Process variables the health-check-invitation process must set (null = not known).
  static final String UNEMPLOYED = "unemployed";
  static final String COVERED_BY_OCCUPATIONAL_HEALTH = "coveredByOccupationalHealth";
  /** Integer; null means the person has never had a health check. */
  static final String MONTHS_SINCE_LAST_HEALTH_CHECK = "monthsSinceLastHealthCheck";
  static final String UNEMPLOYMENT_MONTHS = "unemploymentMonths";

  // Outputs.
  static final String ELIGIBLE = "eligible";
  static final String ELIGIBILITY_REASON = "eligibilityReason";
  static final String PRIORITY = "priority";

  static final boolean INVITE = true;
  static final boolean NO_INVITE = false;
  static final Boolean YES = Boolean.TRUE;
  static final Boolean NO = Boolean.FALSE;
  static final Boolean UNKNOWN = null;
  static final Integer NEVER = null;
  static final Integer UNKNOWN_MONTHS = null;
  static final String HIGH = "high";
  static final String NORMAL = "normal";
  static final String LOW = "low";
  static final String NONE = null;

  /** Each case: what it shows, the four inputs, the outcome and the rule that must fire. */
  static final List<EligibilityCase> CASES = List.of(
      // one case per rule, in the table's order
      screening("a person who is not unemployed gets no invitation",
          NO, NO, NEVER, 30, NO_INVITE, NONE, "Rule_NotUnemployed"),
      screening("an unemployed person covered by occupational health care has the check there",
          YES, YES, NEVER, 30, NO_INVITE, NONE, "Rule_CoveredByOccupationalHealth"),
      screening("a health check within the last 12 months means no new invitation",
          YES, NO, 6, 30, NO_INVITE, NONE, "Rule_RecentHealthCheck"),
      screening("unemployed for 24 months or more is invited first",
          YES, NO, 36, 24, INVITE, HIGH, "Rule_LongTermUnemployed"),
      screening("unemployed for 12 months is invited in the normal order",
          YES, NO, 36, 12, INVITE, NORMAL, "Rule_UnemployedOverYear"),
      screening("unemployed for less than 12 months is invited last",
          YES, NO, 36, 11, INVITE, LOW, "Rule_UnemployedUnderYear"),
      screening("a screening with no answers asks for the missing information",
          UNKNOWN, UNKNOWN, NEVER, UNKNOWN_MONTHS, NO_INVITE, NONE, "Rule_IncompleteScreening"),
      // thresholds, both sides
      screening("11 months since the last check is still recent",
          YES, NO, 11, 30, NO_INVITE, NONE, "Rule_RecentHealthCheck"),
      screening("12 months since the last check is no longer recent",
          YES, NO, 12, 30, INVITE, HIGH, "Rule_LongTermUnemployed"),
      screening("a check 0 months ago (this month) is recent",
          YES, NO, 0, 30, NO_INVITE, NONE, "Rule_RecentHealthCheck"),
      screening("23 months of unemployment is normal priority",
          YES, NO, NEVER, 23, INVITE, NORMAL, "Rule_UnemployedOverYear"),
      screening("0 months of unemployment (just became unemployed) is low priority",
          YES, NO, NEVER, 0, INVITE, LOW, "Rule_UnemployedUnderYear"),
      // a never-done health check (null) counts as "never", for every priority
      screening("never had a health check and long-term unemployed is invited first",
          YES, NO, NEVER, 48, INVITE, HIGH, "Rule_LongTermUnemployed"),
      screening("never had a health check and unemployed 18 months is invited normally",
          YES, NO, NEVER, 18, INVITE, NORMAL, "Rule_UnemployedOverYear"),
      screening("never had a health check and unemployed 3 months is invited last",
          YES, NO, NEVER, 3, INVITE, LOW, "Rule_UnemployedUnderYear"),
      // FIRST-hit orderings
      screening("'not unemployed' is the reason given before occupational health care",
          NO, YES, 3, 30, NO_INVITE, NONE, "Rule_NotUnemployed"),
      screening("occupational health care is the reason given before a recent check",
          YES, YES, 3, 30, NO_INVITE, NONE, "Rule_CoveredByOccupationalHealth"),
      screening("a known 'not unemployed' decides although the rest is unknown",
          NO, UNKNOWN, NEVER, UNKNOWN_MONTHS, NO_INVITE, NONE, "Rule_NotUnemployed"),
      screening("known occupational health care decides although unemployment is unknown",
          UNKNOWN, YES, NEVER, UNKNOWN_MONTHS, NO_INVITE, NONE, "Rule_CoveredByOccupationalHealth"),
      screening("a known recent check decides although the rest is unknown",
          UNKNOWN, UNKNOWN, 2, UNKNOWN_MONTHS, NO_INVITE, NONE, "Rule_RecentHealthCheck"),
      // missing answers never lead to an invitation
      screening("unknown unemployment keeps an otherwise qualifying person uninvited",
          UNKNOWN, NO, NEVER, 30, NO_INVITE, NONE, "Rule_IncompleteScreening"),
      screening("unknown occupational health care keeps the person uninvited",
          YES, UNKNOWN, NEVER, 30, NO_INVITE, NONE, "Rule_IncompleteScreening"),
      screening("unknown unemployment duration keeps the person uninvited",
          YES, NO, NEVER, UNKNOWN_MONTHS, NO_INVITE, NONE, "Rule_IncompleteScreening"),
      screening("a negative unemployment duration is treated as incomplete",
          YES, NO, 24, -1, NO_INVITE, NONE, "Rule_IncompleteScreening"));

  ProcessEngine engine;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void screensThePersonForTheInvitation(EligibilityCase given) {
    DmnDecisionResult result = evaluate(given.variables());

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap())
        .containsOnlyKeys(ELIGIBLE, ELIGIBILITY_REASON, PRIORITY);
    assertThat((Boolean) result.getSingleResult().getEntry(ELIGIBLE)).isEqualTo(given.eligible());
    assertThat((String) result.getSingleResult().getEntry(ELIGIBILITY_REASON)).isNotBlank();
    assertThat((String) result.getSingleResult().getEntry(PRIORITY)).isEqualTo(given.priority());
    assertThat(matchedRule()).isEqualTo(given.rule());
  }

  @Test
  void onlyAKnownUnemployedPersonOutsideOccupationalHealthWithoutARecentCheckIsInvited() {
    List<Boolean> answers = Arrays.asList(YES, NO, UNKNOWN);
    List<Integer> monthsSinceCheck = Arrays.asList(NEVER, 11, 12);
    List<Integer> unemploymentMonths = Arrays.asList(UNKNOWN_MONTHS, -1, 11, 12, 23, 24);
    List<String> invited = new ArrayList<>();
    int combinations = 0;
    for (Boolean unemployed : answers) {
      for (Boolean covered : answers) {
        for (Integer sinceCheck : monthsSinceCheck) {
          for (Integer months : unemploymentMonths) {
            combinations++;
            DmnDecisionResult result = evaluate(
                screening("", unemployed, covered, sinceCheck, months, NO_INVITE, NONE, "").variables());
            assertThat(result).hasSize(1);
            boolean eligible = Boolean.TRUE.equals(result.getSingleResult().getEntry(ELIGIBLE));
            String priority = result.getSingleResult().getEntry(PRIORITY);
            assertThat(priority).as("priority is set exactly when invited").isEqualTo(
                eligible ? expectedPriority(months) : null);
            if (eligible) {
              invited.add(unemployed + "," + covered + "," + sinceCheck + "," + months);
            }
          }
        }
      }
    }

    List<String> expected = new ArrayList<>();
    for (Integer sinceCheck : Arrays.asList(NEVER, 12)) {
      for (Integer months : Arrays.asList(11, 12, 23, 24)) {
        expected.add("true,false," + sinceCheck + "," + months);
      }
    }
    assertThat(combinations).isEqualTo(162);
    assertThat(invited).as("of all 162 combinations, both sides of every threshold")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aScreeningWhoseVariablesWereNeverSetIsIncomplete() {
    DmnDecisionResult result = evaluate(Variables.createVariables());

    assertThat(result).hasSize(1);
    assertThat((Boolean) result.getSingleResult().getEntry(ELIGIBLE)).isFalse();
    assertThat((String) result.getSingleResult().getEntry(PRIORITY)).isNull();
    assertThat(matchedRule()).isEqualTo("Rule_IncompleteScreening");
  }

  @Test
  void aNeverSetLastHealthCheckCountsAsNever() {
    DmnDecisionResult result = evaluate(Variables.createVariables()
        .putValue(UNEMPLOYED, true)
        .putValue(COVERED_BY_OCCUPATIONAL_HEALTH, false)
        .putValue(UNEMPLOYMENT_MONTHS, 30));

    assertThat(result).hasSize(1);
    assertThat((Boolean) result.getSingleResult().getEntry(ELIGIBLE)).isTrue();
    assertThat((String) result.getSingleResult().getEntry(PRIORITY)).isEqualTo(HIGH);
    assertThat(matchedRule()).isEqualTo("Rule_LongTermUnemployed");
  }

  @Test
  void theNurseReadsTheReasonAsABusinessRuleTaskReadsIt() {
    assertThat(reasonFor(NO, NO, NEVER, 30)).isEqualTo("Ei työtön: ei kutsua");
    assertThat(reasonFor(YES, YES, NEVER, 30))
        .isEqualTo("Työterveyshuollon piirissä: terveystarkastus omassa työterveyshuollossa");
    assertThat(reasonFor(YES, NO, 6, 30)).isEqualTo("Terveystarkastus tehty viimeisen 12 kuukauden aikana");
    assertThat(reasonFor(YES, NO, NEVER, 30)).isEqualTo("Pitkäaikaistyötön: kutsutaan ensin");
    assertThat(reasonFor(YES, UNKNOWN, NEVER, 30)).startsWith("Tiedot puutteelliset: ");
  }

  @Test
  void everyRuleOfTheTableHasATestCase() throws Exception {
    Set<String> rulesInTable = DecisionTables.ruleIds(RESOURCE);

    assertThat(CASES.stream().map(EligibilityCase::rule).collect(Collectors.toSet()))
        .as("a rule added or renamed in Modeler needs its case in CASES")
        .isEqualTo(rulesInTable);
  }

  static List<EligibilityCase> cases() {
    return CASES;
  }

  private static String expectedPriority(Integer unemploymentMonths) {
    if (unemploymentMonths >= 24) {
      return HIGH;
    }
    return unemploymentMonths >= 12 ? NORMAL : LOW;
  }

  private DmnDecisionResult evaluate(VariableMap variables) {
    return engine.getDecisionService().evaluateDecisionByKey(DECISION).variables(variables).evaluate();
  }

  private String reasonFor(Boolean unemployed, Boolean covered, Integer sinceCheck, Integer months) {
    DmnDecisionTableResult result = engine.getDecisionService().evaluateDecisionTableByKey(DECISION,
        screening("", unemployed, covered, sinceCheck, months, NO_INVITE, NONE, "").variables());
    assertThat(result).hasSize(1);
    return result.getSingleResult().getEntry(ELIGIBILITY_REASON);
  }

  /** The id of the rule that produced the only evaluation so far, read from the full history. */
  private String matchedRule() {
    return DecisionTables.matchedRule(engine, DECISION);
  }

  private static EligibilityCase screening(String behaviour, Boolean unemployed, Boolean covered,
      Integer monthsSinceLastHealthCheck, Integer unemploymentMonths, boolean eligible,
      String priority, String rule) {
    return new EligibilityCase(behaviour, unemployed, covered, monthsSinceLastHealthCheck,
        unemploymentMonths, eligible, priority, rule);
  }

  record EligibilityCase(String behaviour, Boolean unemployed, Boolean coveredByOccupationalHealth,
      Integer monthsSinceLastHealthCheck, Integer unemploymentMonths, boolean eligible,
      String priority, String rule) {

    /** All four variables set; an unknown one is set to null, as a form or an import leaves it. */
    VariableMap variables() {
      return Variables.createVariables()
          .putValue(UNEMPLOYED, unemployed)
          .putValue(COVERED_BY_OCCUPATIONAL_HEALTH, coveredByOccupationalHealth)
          .putValue(MONTHS_SINCE_LAST_HEALTH_CHECK, monthsSinceLastHealthCheck)
          .putValue(UNEMPLOYMENT_MONTHS, unemploymentMonths);
    }

    @Override
    public String toString() {
      return behaviour;
    }
  }
}
