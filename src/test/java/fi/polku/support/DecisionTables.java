package fi.polku.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;

/** What the DMN tests ask of a decision table: which rule fired, and which rules the table has. */
public final class DecisionTables {

  private DecisionTables() {}

  /** The id of the rule that produced the only evaluation of the decision so far, read from the full history. */
  public static String matchedRule(ProcessEngine engine, String decisionKey) {
    String definitionId = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().singleResult().getId();
    HistoricDecisionInstance evaluation = engine.getHistoryService()
        .createHistoricDecisionInstanceQuery().decisionDefinitionId(definitionId)
        .includeOutputs().singleResult();
    return evaluation.getOutputs().stream()
        .map(HistoricDecisionOutputInstance::getRuleId).distinct().collect(Collectors.joining(","));
  }

  /** The ids of every rule in the DMN file on the classpath. */
  public static Set<String> ruleIds(String resource) {
    try (InputStream dmn = DecisionTables.class.getClassLoader().getResourceAsStream(resource)) {
      return Dmn.readModelFromStream(dmn).getModelElementsByType(Rule.class).stream()
          .map(Rule::getId).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
