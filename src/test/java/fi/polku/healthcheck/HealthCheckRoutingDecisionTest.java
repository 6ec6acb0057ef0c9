package fi.polku.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

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
 * processes/health-check-routing.dmn through the engine's decision service: one case per rule,
 * the FIRST-hit orderings that matter (a red WHODAS flag always goes to specialist care, seed
 * Satakunnan hankesuunnitelma §5.1 measure 1), and missing answers, which never leave a client with the health plan only:
 * an answer that could still change the route makes the route "incomplete".
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = HealthCheckRoutingDecisionTest.RESOURCE)
class HealthCheckRoutingDecisionTest {

  static final String RESOURCE = "processes/health-check-routing.dmn";
  static final String DECISION = "health-check-routing";

  // Process variables the health-check-invitation process must set (null = not answered).
  /** From the whodas-scoring decision: "red", "yellow", "green" or "none". */
  static final String WHODAS_FLAG = "whodasFlag";
  static final String REHABILITATION_NEED = "rehabilitationNeed";
  static final String WORK_ABILITY_CONCERN = "workAbilityConcern";
  static final String PHYSICIAN_NEEDED = "physicianNeeded";

  // Outputs.
  static final String ROUTE = "route";
  static final String ROUTE_REASON = "routeReason";

  static final String RED = "red";
  static final String YELLOW = "yellow";
  static final String GREEN = "green";
  static final String NO_FLAG = "none";
  static final String FLAG_NOT_SET = null;
  static final Boolean YES = Boolean.TRUE;
  static final Boolean NO = Boolean.FALSE;
  static final Boolean UNANSWERED = null;

  static final String SPECIALIST_CARE = "specialist-care";
  static final String REHABILITATION_ASSESSMENT = "rehabilitation-assessment";
  static final String WORK_ABILITY_TEAM = "work-ability-team";
  static final String PHYSICIAN = "physician";
  static final String HEALTH_PLAN_ONLY = "health-plan-only";
  static final String INCOMPLETE = "incomplete";

  /** Each case: what it shows, the four inputs, the route and the rule that must fire. */
  static final List<RoutingCase> CASES = List.of(
      // one case per rule, in the table's order
      routing("a red flag goes to specialist care",
          RED, NO, NO, NO, SPECIALIST_CARE, "Rule_RedFlag"),
      routing("a rehabilitation need goes to the rehabilitation-need assessment",
          GREEN, YES, NO, NO, REHABILITATION_ASSESSMENT, "Rule_RehabilitationNeed"),
      routing("a work-ability concern goes to the work-ability team",
          GREEN, NO, YES, NO, WORK_ABILITY_TEAM, "Rule_WorkAbilityConcern"),
      routing("a yellow flag goes to the work-ability team",
          YELLOW, NO, NO, NO, WORK_ABILITY_TEAM, "Rule_YellowFlag"),
      routing("a physician's visit when only that is needed",
          GREEN, NO, NO, YES, PHYSICIAN, "Rule_PhysicianNeeded"),
      routing("nothing needed: the health plan is enough",
          GREEN, NO, NO, NO, HEALTH_PLAN_ONLY, "Rule_HealthPlanOnly"),
      routing("a form with no answers asks the nurse to fill it in",
          FLAG_NOT_SET, UNANSWERED, UNANSWERED, UNANSWERED, INCOMPLETE, "Rule_IncompleteForm"),
      // FIRST-hit orderings
      routing("a red flag wins over every other finding",
          RED, YES, YES, YES, SPECIALIST_CARE, "Rule_RedFlag"),
      routing("a red flag decides even before the form is filled",
          RED, UNANSWERED, UNANSWERED, UNANSWERED, SPECIALIST_CARE, "Rule_RedFlag"),
      routing("a rehabilitation need wins over a work-ability concern and a physician's visit",
          GREEN, YES, YES, YES, REHABILITATION_ASSESSMENT, "Rule_RehabilitationNeed"),
      routing("a rehabilitation need wins over a yellow flag",
          YELLOW, YES, NO, NO, REHABILITATION_ASSESSMENT, "Rule_RehabilitationNeed"),
      routing("a work-ability concern wins over a physician's visit",
          NO_FLAG, NO, YES, YES, WORK_ABILITY_TEAM, "Rule_WorkAbilityConcern"),
      routing("a yellow flag wins over a physician's visit",
          YELLOW, NO, NO, YES, WORK_ABILITY_TEAM, "Rule_YellowFlag"),
      routing("'none' (WHODAS answers missing) does not route by itself",
          NO_FLAG, NO, NO, NO, HEALTH_PLAN_ONLY, "Rule_HealthPlanOnly"),
      routing("a flag never set reads as no flag",
          FLAG_NOT_SET, NO, NO, YES, PHYSICIAN, "Rule_PhysicianNeeded"),
      // a known 'yes' decides when no missing answer could change the route
      routing("a rehabilitation need decides although the rest is unanswered",
          GREEN, YES, UNANSWERED, UNANSWERED, REHABILITATION_ASSESSMENT, "Rule_RehabilitationNeed"),
      routing("a work-ability concern decides although the physician question is unanswered",
          GREEN, NO, YES, UNANSWERED, WORK_ABILITY_TEAM, "Rule_WorkAbilityConcern"),
      routing("a yellow flag decides although the concern and physician questions are unanswered",
          YELLOW, NO, UNANSWERED, UNANSWERED, WORK_ABILITY_TEAM, "Rule_YellowFlag"),
      // a missing answer that could change the route is never guessed
      routing("an unanswered rehabilitation need holds up a work-ability concern",
          GREEN, UNANSWERED, YES, NO, INCOMPLETE, "Rule_IncompleteForm"),
      routing("an unanswered rehabilitation need holds up a yellow flag",
          YELLOW, UNANSWERED, NO, NO, INCOMPLETE, "Rule_IncompleteForm"),
      routing("an unanswered work-ability concern holds up a physician's visit",
          GREEN, NO, UNANSWERED, YES, INCOMPLETE, "Rule_IncompleteForm"),
      routing("an unanswered physician question never leaves the client with the plan only",
          GREEN, NO, NO, UNANSWERED, INCOMPLETE, "Rule_IncompleteForm"));

  ProcessEngine engine;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void routesTheClientAfterTheHealthCheck(RoutingCase given) {
    DmnDecisionResult result = evaluate(given.variables());

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys(ROUTE, ROUTE_REASON);
    assertThat((String) result.getSingleResult().getEntry(ROUTE)).isEqualTo(given.route());
    assertThat((String) result.getSingleResult().getEntry(ROUTE_REASON)).isNotBlank();
    assertThat(matchedRule()).isEqualTo(given.rule());
  }

  @Test
  void everyCombinationIsRoutedByTheWrittenPolicy() {
    List<String> flags = Arrays.asList(RED, YELLOW, GREEN, NO_FLAG, FLAG_NOT_SET);
    List<Boolean> answers = Arrays.asList(YES, NO, UNANSWERED);
    int combinations = 0;
    for (String flag : flags) {
      for (Boolean rehabilitation : answers) {
        for (Boolean concern : answers) {
          for (Boolean physician : answers) {
            combinations++;
            DmnDecisionResult result = evaluate(
                routing("", flag, rehabilitation, concern, physician, "", "").variables());
            assertThat(result).hasSize(1);
            assertThat((String) result.getSingleResult().getEntry(ROUTE))
                .as("flag %s, rehabilitation %s, concern %s, physician %s", flag, rehabilitation,
                    concern, physician)
                .isEqualTo(policy(flag, rehabilitation, concern, physician));
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(135);
  }

  @Test
  void aFormWhoseVariablesWereNeverSetIsIncomplete() {
    DmnDecisionResult result = evaluate(Variables.createVariables());

    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleResult().getEntry(ROUTE)).isEqualTo(INCOMPLETE);
    assertThat(matchedRule()).isEqualTo("Rule_IncompleteForm");
  }

  @Test
  void theNurseReadsTheReasonAsABusinessRuleTaskReadsIt() {
    assertThat(reasonFor(RED, NO, NO, NO))
        .isEqualTo("Punainen WHODAS-lippu: ohjaus erikoissairaanhoidon moniammatilliseen arvioon");
    assertThat(reasonFor(GREEN, YES, NO, NO))
        .isEqualTo("Kuntoutustarve: kuntoutustarpeen arvio (Kela tai työeläkelaitos)");
    assertThat(reasonFor(GREEN, NO, NO, NO))
        .isEqualTo("Ei jatko-ohjausta: asiakkaan kanssa laadittu terveyssuunnitelma riittää");
    assertThat(reasonFor(GREEN, NO, NO, UNANSWERED)).startsWith("Tiedot puutteelliset: täytä");
  }

  @Test
  void everyRuleOfTheTableHasATestCase() throws Exception {
    Set<String> rulesInTable = DecisionTables.ruleIds(RESOURCE);

    assertThat(CASES.stream().map(RoutingCase::rule).collect(Collectors.toSet()))
        .as("a rule added or renamed in Modeler needs its case in CASES")
        .isEqualTo(rulesInTable);
  }

  static List<RoutingCase> cases() {
    return CASES;
  }

  /**
   * The routing policy as docs/processes/health-check-invitation-decisions.md states it: the
   * heaviest route wins, and an unanswered question stops the routing where its answer could
   * still change the route.
   */
  private static String policy(String flag, Boolean rehabilitation, Boolean concern, Boolean physician) {
    if (RED.equals(flag)) {
      return SPECIALIST_CARE;
    }
    if (rehabilitation == null) {
      return INCOMPLETE;
    }
    if (rehabilitation) {
      return REHABILITATION_ASSESSMENT;
    }
    if (YELLOW.equals(flag) || Boolean.TRUE.equals(concern)) {
      return WORK_ABILITY_TEAM;
    }
    if (concern == null || physician == null) {
      return INCOMPLETE;
    }
    return physician ? PHYSICIAN : HEALTH_PLAN_ONLY;
  }

  private DmnDecisionResult evaluate(VariableMap variables) {
    return engine.getDecisionService().evaluateDecisionByKey(DECISION).variables(variables).evaluate();
  }

  private String reasonFor(String flag, Boolean rehabilitation, Boolean concern, Boolean physician) {
    DmnDecisionTableResult result = engine.getDecisionService().evaluateDecisionTableByKey(DECISION,
        routing("", flag, rehabilitation, concern, physician, "", "").variables());
    assertThat(result).hasSize(1);
    return result.getSingleResult().getEntry(ROUTE_REASON);
  }

  /** The id of the rule that produced the only evaluation so far, read from the full history. */
  private String matchedRule() {
    return DecisionTables.matchedRule(engine, DECISION);
  }

  private static RoutingCase routing(String behaviour, String whodasFlag, Boolean rehabilitationNeed,
      Boolean workAbilityConcern, Boolean physicianNeeded, String route, String rule) {
    return new RoutingCase(behaviour, whodasFlag, rehabilitationNeed, workAbilityConcern,
        physicianNeeded, route, rule);
  }

  record RoutingCase(String behaviour, String whodasFlag, Boolean rehabilitationNeed,
      Boolean workAbilityConcern, Boolean physicianNeeded, String route, String rule) {

    /** All four variables set; an unanswered one is set to null, as a form leaves it. */
    VariableMap variables() {
      return Variables.createVariables()
          .putValue(WHODAS_FLAG, whodasFlag)
          .putValue(REHABILITATION_NEED, rehabilitationNeed)
          .putValue(WORK_ABILITY_CONCERN, workAbilityConcern)
          .putValue(PHYSICIAN_NEEDED, physicianNeeded);
    }

    @Override
    public String toString() {
      return behaviour;
    }
  }
}
