package fi.polku.evaluation;

import fi.polku.cases.ModelName;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/** Each path's end states as its latest model names them, for the report's "Päättymistavat". */
class PathEnds {

  private final RepositoryService repository;

  PathEnds(RepositoryService repository) {
    this.repository = repository;
  }

  /** The end events of the path's latest model, with their names, in the model's order. */
  Map<String, String> endEventNames(String path) {
    Map<String, String> names = new LinkedHashMap<>();
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(path)
        .latestVersion().singleResult();
    if (definition != null) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      Set<String> branchEnds = endsOfNonInterruptingBranches(model);
      model.getModelElementsByType(EndEvent.class).stream().filter(end -> !branchEnds.contains(end.getId()))
          .forEach(end -> names.put(end.getId(), end.getName() == null ? end.getId() : ModelName.shown(end.getName())));
    }
    return names;
  }

  /**
   * The end events reached only after a non-interrupting boundary event (a reminder, an
   * escalation): they end a side branch while the path goes on, so they are never a path's end state.
   */
  private static Set<String> endsOfNonInterruptingBranches(BpmnModelInstance model) {
    Set<String> ends = new HashSet<>();
    Deque<FlowNode> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    model.getModelElementsByType(BoundaryEvent.class).stream().filter(event -> !event.cancelActivity()).forEach(queue::add);
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      if (!seen.add(node.getId())) {
        continue;
      }
      if (node instanceof EndEvent) {
        ends.add(node.getId());
      }
      node.getOutgoing().forEach(flow -> queue.add(flow.getTarget()));
    }
    return ends;
  }
}
