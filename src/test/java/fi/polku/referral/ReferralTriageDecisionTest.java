package fi.polku.referral;

import static org.assertj.core.api.Assertions.assertThat;

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
 * processes/referral-triage.dmn through the engine's decision service: one case per rule, the
 * FIRST-hit orderings that matter, and the "at least two other criteria" threshold.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = ReferralTriageDecisionTest.RESOURCE)
class ReferralTriageDecisionTest {

  static final String RESOURCE = "processes/referral-triage.dmn";
  static final String DECISION = "referral-triage";

  // Process variables the te-referral process must set (all booleans, all seven every time).
  static final String EMPLOYED = "employed";
  static final String UNMAPPED_HEALTH_PROBLEMS = "unmappedHealthProblems";
  static final String PARTIAL_WORK_ABILITY = "partialWorkAbility";
  static final String LONG_TERM_UNEMPLOYED = "longTermUnemployed";
  static final String UNCLEAR_OVERALL_SITUATION = "unclearOverallSituation";
  static final String MISSING_EDUCATION = "missingEducation";
  static final String NEEDS_SEVERAL_SERVICES = "needsSeveralServices";
  static final List<String> CRITERIA = List.of(EMPLOYED, UNMAPPED_HEALTH_PROBLEMS,
      PARTIAL_WORK_ABILITY, LONG_TERM_UNEMPLOYED, UNCLEAR_OVERALL_SITUATION, MISSING_EDUCATION,
      NEEDS_SEVERAL_SERVICES);

  // Outputs and their values.
  static final String TRIAGE_PROPOSAL = "triageProposal";
  static final String TRIAGE_REASON = "triageReason";
  static final String TEAM_APPOINTMENT = "team-appointment";
  static final String INVESTIGATIONS = "investigations";
  static final String NOT_FOR_TEAM = "not-for-team";

  /** Each case: what it shows, the criteria that are true (all others false), the outcome. */
  static final List<TriageCase> CASES = List.of(
      // one case per rule, in the table's order
      triage("an employed client goes to their own occupational health care",
          NOT_FOR_TEAM, "Rule_Employed", EMPLOYED),
      triage("unmapped health problems are investigated before the team",
          INVESTIGATIONS, "Rule_UnmappedHealthProblems", UNMAPPED_HEALTH_PROBLEMS),
      triage("partial work ability with long-term unemployment books the team",
          TEAM_APPOINTMENT, "Rule_PartialAndLongTermUnemployed", PARTIAL_WORK_ABILITY, LONG_TERM_UNEMPLOYED),
      triage("partial work ability with an unclear overall situation books the team",
          TEAM_APPOINTMENT, "Rule_PartialAndUnclearSituation", PARTIAL_WORK_ABILITY, UNCLEAR_OVERALL_SITUATION),
      triage("partial work ability with several service needs books the team",
          TEAM_APPOINTMENT, "Rule_PartialAndSeveralServices", PARTIAL_WORK_ABILITY, NEEDS_SEVERAL_SERVICES),
      triage("two other criteria without partial work ability book the team",
          TEAM_APPOINTMENT, "Rule_TwoOtherCriteria", MISSING_EDUCATION, NEEDS_SEVERAL_SERVICES),
      triage("partial work ability alone books the team",
          TEAM_APPOINTMENT, "Rule_PartialWorkAbilityAlone", PARTIAL_WORK_ABILITY),
      triage("a client meeting no criterion is not for the team",
          NOT_FOR_TEAM, "Rule_NotForTeam"),
      // FIRST-hit orderings
      triage("employment wins over unmapped health problems",
          NOT_FOR_TEAM, "Rule_Employed", EMPLOYED, UNMAPPED_HEALTH_PROBLEMS),
      triage("employment wins over every team criterion",
          NOT_FOR_TEAM, "Rule_Employed", EMPLOYED, PARTIAL_WORK_ABILITY, LONG_TERM_UNEMPLOYED,
          UNCLEAR_OVERALL_SITUATION, MISSING_EDUCATION, NEEDS_SEVERAL_SERVICES),
      triage("unmapped health problems are investigated even when the team criteria are met",
          INVESTIGATIONS, "Rule_UnmappedHealthProblems", UNMAPPED_HEALTH_PROBLEMS,
          PARTIAL_WORK_ABILITY, LONG_TERM_UNEMPLOYED, NEEDS_SEVERAL_SERVICES),
      triage("the first matching partial-work-ability reason is the one the counsellor reads",
          TEAM_APPOINTMENT, "Rule_PartialAndLongTermUnemployed", PARTIAL_WORK_ABILITY,
          LONG_TERM_UNEMPLOYED, UNCLEAR_OVERALL_SITUATION, NEEDS_SEVERAL_SERVICES),
      triage("partial work ability with missing education books the team as partial work ability alone",
          TEAM_APPOINTMENT, "Rule_PartialWorkAbilityAlone", PARTIAL_WORK_ABILITY, MISSING_EDUCATION),
      // the "at least two other criteria" threshold
      triage("long-term unemployment with an unclear overall situation books the team",
          TEAM_APPOINTMENT, "Rule_TwoOtherCriteria", LONG_TERM_UNEMPLOYED, UNCLEAR_OVERALL_SITUATION),
      triage("all four other criteria book the team",
          TEAM_APPOINTMENT, "Rule_TwoOtherCriteria", LONG_TERM_UNEMPLOYED,
          UNCLEAR_OVERALL_SITUATION, MISSING_EDUCATION, NEEDS_SEVERAL_SERVICES),
      triage("long-term unemployment alone is not enough for the team",
          NOT_FOR_TEAM, "Rule_NotForTeam", LONG_TERM_UNEMPLOYED),
      triage("missing education alone is not enough for the team",
          NOT_FOR_TEAM, "Rule_NotForTeam", MISSING_EDUCATION));

  ProcessEngine engine;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void proposesTheDirectionOfTheReferral(TriageCase given) {
    DmnDecisionResult result = engine.getDecisionService()
        .evaluateDecisionByKey(DECISION)
        .variables(given.variables())
        .evaluate();

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys(TRIAGE_PROPOSAL, TRIAGE_REASON);
    assertThat((String) result.getSingleResult().getEntry(TRIAGE_PROPOSAL)).isEqualTo(given.proposal());
    assertThat((String) result.getSingleResult().getEntry(TRIAGE_REASON)).isNotBlank();
    assertThat(matchedRule()).isEqualTo(given.rule());
  }

  @Test
  void theTableGivesOneProposalWithItsReasonAsABusinessRuleTaskReadsIt() {
    DmnDecisionTableResult result = engine.getDecisionService().evaluateDecisionTableByKey(DECISION,
        triage("", "", "", PARTIAL_WORK_ABILITY, LONG_TERM_UNEMPLOYED).variables());

    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleResult().getEntry(TRIAGE_PROPOSAL)).isEqualTo(TEAM_APPOINTMENT);
    assertThat((String) result.getSingleResult().getEntry(TRIAGE_REASON))
        .startsWith("Osatyökykyinen ja toistuvasti tai pitkään työtön");
  }

  @Test
  void everyRuleOfTheTableHasATestCase() throws Exception {
    Set<String> rulesInTable = DecisionTables.ruleIds(RESOURCE);

    assertThat(CASES.stream().map(TriageCase::rule).collect(Collectors.toSet()))
        .as("a rule added or renamed in Modeler needs its case in CASES")
        .isEqualTo(rulesInTable);
  }

  static List<TriageCase> cases() {
    return CASES;
  }

  /** The id of the rule that produced the last evaluation, read from the full history. */
  private String matchedRule() {
    return DecisionTables.matchedRule(engine, DECISION);
  }

  private static TriageCase triage(String behaviour, String proposal, String rule, String... trueCriteria) {
    return new TriageCase(behaviour, Set.of(trueCriteria), proposal, rule);
  }

  record TriageCase(String behaviour, Set<String> trueCriteria, String proposal, String rule) {

    VariableMap variables() {
      VariableMap variables = Variables.createVariables();
      CRITERIA.forEach(name -> variables.putValue(name, trueCriteria.contains(name)));
      return variables;
    }

    @Override
    public String toString() {
      return behaviour;
    }
  }
}
