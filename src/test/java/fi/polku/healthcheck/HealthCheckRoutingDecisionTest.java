package fi.polku.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import fi.polku.onward.OnwardService;
import fi.polku.support.DecisionTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/health-check-routing.dmn through the engine's decision service (hit policy COLLECT):
 * one case per rule, the combinations that give several routes at once (a red WHODAS flag always
 * adds specialist care, Satakunnan hankesuunnitelma §5.1 measure 1), each route's receiving
 * service, and missing answers, which never leave a client with the health plan only.
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
  static final String ONWARD_SERVICE = "onwardService";

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

  /** The receiving service of each route that is an onward referral (docs/processes/health-check-invitation-decisions.md). */
  static final Map<String, String> SERVICES = Map.of(
      SPECIALIST_CARE, "esh-multiprofessional-assessment",
      REHABILITATION_ASSESSMENT, "kela-rehabilitation-need-assessment",
      PHYSICIAN, "sote-physician");

  /** Each case: what it shows, the four inputs, the routes and the rules that must fire. */
  static final List<RoutingCase> CASES = List.of(
      // one case per rule
      routing("a red flag goes to specialist care", RED, NO, NO, NO,
          List.of(SPECIALIST_CARE), "Rule_RedFlag"),
      routing("a rehabilitation need goes to Kela's rehabilitation-need assessment", GREEN, YES, NO, NO,
          List.of(REHABILITATION_ASSESSMENT), "Rule_RehabilitationNeed"),
      routing("a work-ability concern goes to the work-ability team", GREEN, NO, YES, NO,
          List.of(WORK_ABILITY_TEAM), "Rule_WorkAbilityConcern"),
      routing("a yellow flag goes to the work-ability team", YELLOW, NO, NO, NO,
          List.of(WORK_ABILITY_TEAM), "Rule_YellowFlag"),
      routing("a physician's visit when only that is needed", GREEN, NO, NO, YES,
          List.of(PHYSICIAN), "Rule_PhysicianNeeded"),
      routing("nothing needed: the health plan is enough", GREEN, NO, NO, NO,
          List.of(HEALTH_PLAN_ONLY), "Rule_HealthPlanOnly"),
      routing("a form with no answers asks the nurse to fill it in", FLAG_NOT_SET, UNANSWERED, UNANSWERED,
          UNANSWERED, List.of(INCOMPLETE), "Rule_IncompleteForm"),
      // several routes at once
      routing("a red flag and every other finding give four routes", RED, YES, YES, YES,
          List.of(SPECIALIST_CARE, REHABILITATION_ASSESSMENT, WORK_ABILITY_TEAM, PHYSICIAN), null),
      routing("a red flag and a physician's visit", RED, NO, NO, YES, List.of(SPECIALIST_CARE, PHYSICIAN), null),
      routing("a rehabilitation need beside a work-ability concern", GREEN, YES, YES, NO,
          List.of(REHABILITATION_ASSESSMENT, WORK_ABILITY_TEAM), null),
      routing("a yellow flag with a concern goes to the team once", YELLOW, NO, YES, NO,
          List.of(WORK_ABILITY_TEAM), "Rule_WorkAbilityConcern"),
      routing("a yellow flag beside a physician's visit", YELLOW, NO, NO, YES, List.of(WORK_ABILITY_TEAM, PHYSICIAN),
          null),
      routing("'none' (WHODAS answers missing) does not route by itself", NO_FLAG, NO, NO, NO,
          List.of(HEALTH_PLAN_ONLY), "Rule_HealthPlanOnly"),
      routing("a flag never set reads as no flag", FLAG_NOT_SET, NO, NO, NO, List.of(HEALTH_PLAN_ONLY),
          "Rule_HealthPlanOnly"),
      // a missing answer is never guessed
      routing("an unanswered physician question never leaves the client with the plan only", GREEN, NO, NO,
          UNANSWERED, List.of(INCOMPLETE), "Rule_IncompleteForm"),
      routing("an unanswered question is incomplete beside a known yes", GREEN, YES, UNANSWERED, NO,
          List.of(REHABILITATION_ASSESSMENT, INCOMPLETE), null));

  ProcessEngine engine;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void routesTheClientAfterTheHealthCheck(RoutingCase given) {
    DmnDecisionResult result = evaluate(given.variables());

    assertThat(routes(result)).containsExactlyInAnyOrderElementsOf(given.routes());
    for (DmnDecisionResultEntries entries : result) {
      String route = entries.getEntry(ROUTE);
      String reason = entries.getEntry(ROUTE_REASON);
      String service = (String) entries.getEntryMap().get(ONWARD_SERVICE);
      assertThat(entries.getEntryMap().keySet()).isSubsetOf(ROUTE, ROUTE_REASON, ONWARD_SERVICE);
      assertThat(reason).isNotBlank();
      assertThat(service).as("the receiving service of %s", route).isEqualTo(SERVICES.get(route));
    }
    if (given.rule() != null) {
      assertThat(matchedRules()).containsExactly(given.rule());
    }
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
            List<String> routes = routes(evaluate(
                routing("", flag, rehabilitation, concern, physician, List.of(), "").variables()));
            assertThat(routes).as("flag %s, rehabilitation %s, concern %s, physician %s", flag, rehabilitation,
                    concern, physician)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(policy(flag, rehabilitation, concern, physician));
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(135);
  }

  @Test
  void aFormWhoseVariablesWereNeverSetIsIncomplete() {
    assertThat(routes(evaluate(Variables.createVariables()))).containsExactly(INCOMPLETE);
  }

  @Test
  void everyServiceInTheTableIsAServiceAnOnwardReferralKnows() {
    for (String service : SERVICES.values()) {
      assertThat(OnwardService.fromCode(service).code()).isEqualTo(service);
    }
  }

  @Test
  void theNurseReadsTheReasonAsTheProcessReadsIt() {
    assertThat(reasonsFor(RED, NO, NO, NO))
        .containsExactly("Punainen WHODAS-lippu: ohjaus erikoissairaanhoidon moniammatilliseen arvioon");
    assertThat(reasonsFor(GREEN, YES, NO, NO)).containsExactly("Kuntoutustarve: Kelan kuntoutustarveselvitys");
    assertThat(reasonsFor(GREEN, NO, NO, NO))
        .containsExactly("Ei jatko-ohjausta: asiakkaan kanssa laadittu terveyssuunnitelma riittää");
    assertThat(reasonsFor(GREEN, NO, NO, UNANSWERED)).singleElement().asString().startsWith("Tiedot puutteelliset: täytä");
  }

  @Test
  void everyRuleOfTheTableHasATestCase() throws Exception {
    Set<String> rulesInTable = DecisionTables.ruleIds(RESOURCE);

    assertThat(CASES.stream().map(RoutingCase::rule).filter(Objects::nonNull).collect(Collectors.toSet()))
        .as("a rule added or renamed in Modeler needs its case in CASES")
        .isEqualTo(rulesInTable);
  }

  static List<RoutingCase> cases() {
    return CASES;
  }

  /**
   * The routing policy as docs/processes/health-check-invitation-decisions.md states it: every route
   * the findings call for, each once; the health plan only when all three answers are no and the
   * flag is neither red nor yellow; incomplete whenever one of the three is unanswered.
   */
  private static Set<String> policy(String flag, Boolean rehabilitation, Boolean concern, Boolean physician) {
    Set<String> routes = new LinkedHashSet<>();
    if (RED.equals(flag)) {
      routes.add(SPECIALIST_CARE);
    }
    if (Boolean.TRUE.equals(rehabilitation)) {
      routes.add(REHABILITATION_ASSESSMENT);
    }
    if (Boolean.TRUE.equals(concern) || (YELLOW.equals(flag) && Boolean.FALSE.equals(concern))) {
      routes.add(WORK_ABILITY_TEAM);
    }
    if (Boolean.TRUE.equals(physician)) {
      routes.add(PHYSICIAN);
    }
    if (rehabilitation == null || concern == null || physician == null) {
      routes.add(INCOMPLETE);
    } else if (routes.isEmpty()) {
      routes.add(HEALTH_PLAN_ONLY);
    }
    return routes;
  }

  private DmnDecisionResult evaluate(VariableMap variables) {
    return engine.getDecisionService().evaluateDecisionByKey(DECISION).variables(variables).evaluate();
  }

  private static List<String> routes(DmnDecisionResult result) {
    List<String> routes = new ArrayList<>();
    result.forEach(entries -> routes.add(entries.getEntry(ROUTE)));
    return routes;
  }

  private List<String> reasonsFor(String flag, Boolean rehabilitation, Boolean concern, Boolean physician) {
    List<String> reasons = new ArrayList<>();
    evaluate(routing("", flag, rehabilitation, concern, physician, List.of(), "").variables())
        .forEach(entries -> reasons.add(entries.getEntry(ROUTE_REASON)));
    return reasons;
  }

  /** The ids of the rules that fired in the latest evaluation, read from the full history. */
  private List<String> matchedRules() {
    HistoricDecisionInstance latest = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(DECISION).includeOutputs().orderByEvaluationTime().desc().list().get(0);
    return latest.getOutputs().stream().map(output -> output.getRuleId()).distinct().toList();
  }

  private static RoutingCase routing(String behaviour, String whodasFlag, Boolean rehabilitationNeed,
      Boolean workAbilityConcern, Boolean physicianNeeded, List<String> routes, String rule) {
    return new RoutingCase(behaviour, whodasFlag, rehabilitationNeed, workAbilityConcern, physicianNeeded, routes,
        rule);
  }

  record RoutingCase(String behaviour, String whodasFlag, Boolean rehabilitationNeed,
      Boolean workAbilityConcern, Boolean physicianNeeded, List<String> routes, String rule) {

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
