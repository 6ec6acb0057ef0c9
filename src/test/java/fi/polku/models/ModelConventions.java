package fi.polku.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.security.StaffGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The "Models" rules of docs/conventions.md as code: reads every file in a processes/ and a forms/
 * folder and returns one readable line per broken rule ("file: element: what is wrong").
 */
public final class ModelConventions {

  /** Camunda best-practice ids: a type prefix, an underscore, a PascalCase name. */
  static final Pattern READABLE_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*");
  static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\$\\{[a-z][A-Za-z0-9]*}");
  static final Pattern VARIABLE_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
  static final Set<String> FORM_BINDINGS = Set.of("deployment", "latest");
  /**
   * A reference someone with only the repository cannot follow: a path out of it, the programme's
   * shared folder, or a programme document's file number. Written so that it does not match
   * itself in a search for those references.
   */
  static final Pattern OUTSIDE_REFERENCE =
      Pattern.compile("\\.\\./|shared[/\\\\]docs|seed\\s*0\\d\\d", Pattern.CASE_INSENSITIVE);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> problems = new ArrayList<>();
  private final Set<String> formIds = new TreeSet<>();
  private final Set<String> referencedForms = new HashSet<>();
  private final Set<String> decisionIds = new HashSet<>();
  /** Each business rule task's decisionRef: "file|task|decision", checked once every DMN is read. */
  private final List<String> decisionRefs = new ArrayList<>();
  private final Set<String> candidateGroups;

  private ModelConventions(Collection<String> candidateGroups) {
    this.candidateGroups = Set.copyOf(candidateGroups);
  }

  /** Checks with the staff groups of service-paths.md as the allowed candidate groups. */
  public static List<String> check(Path processes, Path forms) throws IOException {
    return check(processes, forms, StaffGroup.ids());
  }

  static List<String> check(Path processes, Path forms, Collection<String> groups) throws IOException {
    ModelConventions conventions = new ModelConventions(groups);
    for (Path file : list(forms)) {
      conventions.checkForm(file);
      if (file.getFileName().toString().endsWith(".form")) {
        conventions.checkReferences(file);
      }
    }
    for (Path file : list(processes)) {
      String name = file.getFileName().toString();
      if (name.endsWith(".bpmn")) {
        conventions.checkBpmn(file);
        conventions.checkReferences(file);
      } else if (name.endsWith(".dmn")) {
        conventions.checkDmn(file);
        conventions.checkReferences(file);
      } else {
        conventions.problem(file, "-", "only .bpmn and .dmn files belong in processes/");
      }
    }
    for (String ref : conventions.decisionRefs) {
      String[] parts = ref.split("\\|");
      if (!conventions.decisionIds.contains(parts[2])) {
        conventions.problems.add(parts[0] + ": " + parts[1] + ": camunda:decisionRef '" + parts[2]
            + "' is no decision of a DMN in processes/");
      }
    }
    Set<String> orphans = new TreeSet<>(conventions.formIds);
    orphans.removeAll(conventions.referencedForms);
    orphans.forEach(id -> conventions.problems.add(
        forms.getFileName() + "/" + id + ".form: no process references this form by camunda:formRef"));
    return conventions.problems;
  }

  private void checkBpmn(Path file) {
    String key = baseName(file);
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromFile(file.toFile());
    } catch (RuntimeException e) {
      problem(file, "-", "does not parse as BPMN: " + e.getMessage());
      return;
    }
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(idOf(s.getBpmnElement())));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(idOf(e.getBpmnElement())));

    List<Process> executable = model.getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).toList();
    if (executable.size() != 1 || !executable.get(0).getId().equals(key)) {
      problem(file, "-", "must hold exactly one executable process whose id is the file name '" + key + "'");
    }
    if (!KEBAB.matcher(key).matches()) {
      problem(file, "-", "the process key (file name) must be kebab-case English");
    }
    for (Process process : executable) {
      if (blank(process.getName())) {
        problem(file, process.getId(), "the process needs a Finnish name");
      }
      if (blank(process.getCamundaHistoryTimeToLiveString())) {
        problem(file, process.getId(), "the process needs camunda:historyTimeToLive");
      }
    }
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      // Modeler names lane sets and event definitions itself and shows no field to rename them.
      if (element instanceof Process || element instanceof LaneSet
          || element instanceof EventDefinition || element.getId() == null) {
        continue;
      }
      if (!READABLE_ID.matcher(element.getId()).matches()) {
        problem(file, element.getId(), "generated or unreadable id: name it like Task_ConfirmTriage");
      }
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if ((element instanceof FlowNode || element instanceof SequenceFlow)
          && !drawn.contains(element.getId())) {
        problem(file, element.getId(), "is not drawn in the diagram");
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      checkNode(file, node);
    }
    DiagramLayout.check(model, (id, what) -> problem(file, id, what));
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      checkListener(file, listener.getCamundaClass(), listener.getCamundaExpression(),
          listener.getCamundaDelegateExpression(), listener.getCamundaScript() != null, listener);
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      checkListener(file, listener.getCamundaClass(), listener.getCamundaExpression(),
          listener.getCamundaDelegateExpression(), listener.getCamundaScript() != null, listener);
    }
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      if (!blank(condition.getLanguage())) {
        problem(file, idOf(condition.getParentElement()), "script conditions hide logic: use an expression or a DMN");
      }
    }
  }

  private void checkNode(Path file, FlowNode node) {
    String id = node.getId();
    boolean splits = node.getOutgoing().size() > 1;
    if ((node instanceof Task || node instanceof Event || (node instanceof Gateway && splits))
        && blank(node.getName()) && !(node instanceof BoundaryEvent)) {
      problem(file, id, "needs a Finnish name");
    }
    if (node instanceof ExclusiveGateway || node instanceof InclusiveGateway) {
      if (splits) {
        if (!blank(node.getName()) && !node.getName().trim().endsWith("?")) {
          problem(file, id, "a deciding gateway is named as a question ending in '?'");
        }
        String defaultFlow = node.getAttributeValue("default");
        for (SequenceFlow flow : node.getOutgoing()) {
          if (flow.getConditionExpression() == null && !flow.getId().equals(defaultFlow)) {
            problem(file, flow.getId(), "a flow out of gateway " + id + " needs a condition or must be the default");
          }
          if (blank(flow.getName())) {
            problem(file, flow.getId(), "a flow out of gateway " + id + " is named with its answer");
          }
        }
      }
    }
    if (node instanceof UserTask userTask) {
      checkCandidateGroups(file, id, userTask.getCamundaCandidateGroups());
      checkFormRef(file, id, userTask.getCamundaFormRef(), userTask.getCamundaFormRefBinding(), true);
    }
    if (node instanceof StartEvent start && start.getCamundaFormRef() != null) {
      checkFormRef(file, id, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), false);
    }
    if (node instanceof ScriptTask) {
      problem(file, id, "script tasks hide business logic: use a service task with a delegate bean");
    }
    if (node instanceof ServiceTask || node instanceof SendTask) {
      checkDelegate(file, id, node);
    }
    if (node instanceof ThrowEvent && !node.getChildElementsByType(MessageEventDefinition.class).isEmpty()) {
      MessageEventDefinition message = node.getChildElementsByType(MessageEventDefinition.class).iterator().next();
      if (message.getCamundaClass() != null || message.getCamundaExpression() != null) {
        problem(file, id, "must use camunda:delegateExpression=\"${beanName}\"");
      }
    }
    if (node instanceof BusinessRuleTask rule) {
      if (blank(rule.getCamundaDecisionRef())) {
        problem(file, id, "a business rule task calls a DMN decision by camunda:decisionRef");
      } else {
        decisionRefs.add(file.getParent().getFileName() + "/" + file.getFileName() + "|" + id + "|"
            + rule.getCamundaDecisionRef());
      }
      // The diagram shows what the decision decides: the result goes into the variables a gateway or form reads.
      if (blank(rule.getCamundaResultVariable()) && (rule.getExtensionElements() == null
          || rule.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
              .allMatch(io -> io.getCamundaOutputParameters().isEmpty()))) {
        problem(file, id, "a business rule task maps the decision's result by camunda:resultVariable or a camunda:outputParameter");
      }
    }
    // An event-based gateway cannot be asynchronous after (the model API refuses to say).
    boolean async = (node instanceof Activity || node instanceof Event || node instanceof Gateway)
        && (node.isCamundaAsyncBefore()
            || (!(node instanceof EventBasedGateway) && node.isCamundaAsyncAfter()));
    if (async && node.getExtensionElements() != null
        && !node.getExtensionElements().getChildElementsByType(CamundaFailedJobRetryTimeCycle.class).isEmpty()) {
      async = false;
    }
    if (async) {
      problem(file, id, "an async step needs camunda:failedJobRetryTimeCycle");
    }
  }

  private void checkDelegate(Path file, String id, FlowNode node) {
    String delegate = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
    boolean other = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "class") != null
        || node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "expression") != null
        || node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "type") != null;
    if (other || delegate == null || !DELEGATE_EXPRESSION.matcher(delegate).matches()) {
      problem(file, id, "must use camunda:delegateExpression=\"${beanName}\" and nothing else");
    }
  }

  private void checkListener(Path file, String className, String expression, String delegate,
      boolean script, ModelElementInstance listener) {
    if (script || className != null || expression != null
        || delegate == null || !DELEGATE_EXPRESSION.matcher(delegate).matches()) {
      problem(file, idOf(listener.getParentElement().getParentElement()),
          "a listener must use camunda:delegateExpression=\"${beanName}\"");
    }
  }

  private void checkCandidateGroups(Path file, String id, String groups) {
    if (blank(groups)) {
      problem(file, id, "a user task needs camunda:candidateGroups");
      return;
    }
    for (String group : groups.split(",")) {
      if (!candidateGroups.contains(group.trim())) {
        problem(file, id, "unknown candidate group '" + group.trim() + "' (use one of " + new TreeSet<>(candidateGroups) + ")");
      }
    }
  }

  private void checkFormRef(Path file, String id, String formRef, String binding, boolean required) {
    if (blank(formRef)) {
      if (required) {
        problem(file, id, "a user task needs a Camunda Form by camunda:formRef");
      }
      return;
    }
    referencedForms.add(formRef);
    if (!formIds.contains(formRef)) {
      problem(file, id, "camunda:formRef '" + formRef + "' has no file forms/" + formRef + ".form");
    }
    if (binding == null || !FORM_BINDINGS.contains(binding)) {
      problem(file, id, "camunda:formRefBinding must be 'deployment' (or 'latest', with a reason)");
    }
  }

  private void checkDmn(Path file) {
    String key = baseName(file);
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromFile(file.toFile());
    } catch (RuntimeException e) {
      problem(file, "-", "does not parse as DMN: " + e.getMessage());
      return;
    }
    List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
    if (decisions.stream().noneMatch(decision -> decision.getId().equals(key))) {
      problem(file, "-", "must hold a decision whose id is the file name '" + key + "'");
    }
    for (Decision decision : decisions) {
      decisionIds.add(decision.getId());
      if (blank(decision.getName())) {
        problem(file, decision.getId(), "the decision needs a Finnish name");
      }
      if (blank(decision.getCamundaHistoryTimeToLiveString())) {
        problem(file, decision.getId(), "the decision needs camunda:historyTimeToLive");
      }
      for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
        int number = 0;
        for (Rule rule : table.getRules()) {
          number++;
          if (rule.getDescription() == null || blank(rule.getDescription().getTextContent())) {
            problem(file, decision.getId(), "rule " + number + " needs an annotation saying why");
          }
        }
      }
    }
  }

  private void checkForm(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (!name.endsWith(".form")) {
      problem(file, "-", "only Camunda Forms (.form) belong in forms/");
      return;
    }
    String id = baseName(file);
    JsonNode form;
    try {
      form = JSON.readTree(file.toFile());
    } catch (IOException e) {
      problem(file, "-", "is not valid JSON: " + e.getMessage());
      return;
    }
    formIds.add(id);
    if (!id.equals(form.path("id").asText())) {
      problem(file, "-", "the form id must be the file name '" + id + "'");
    }
    if (!form.path("executionPlatform").asText().equals("Camunda Platform")) {
      problem(file, "-", "executionPlatform must be 'Camunda Platform' (Camunda 7)");
    }
    checkComponents(file, form.path("components"));
  }

  private void checkComponents(Path file, JsonNode components) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      String where = component.path("id").asText(key == null ? "-" : key);
      if (key != null) {
        if (!VARIABLE_NAME.matcher(key).matches()) {
          problem(file, where, "field key '" + key + "' must be a camelCase process variable name");
        }
        if (blank(component.path("label").asText(null))) {
          problem(file, where, "field '" + key + "' needs a Finnish label");
        }
      }
      checkComponents(file, component.path("components"));
    }
  }

  /** Models cite docs/service-paths.md and docs/sources.md, never a file outside the repository. */
  private void checkReferences(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      Matcher outside = OUTSIDE_REFERENCE.matcher(lines.get(i));
      if (outside.find()) {
        problem(file, "line " + (i + 1), "refers outside the repository ('" + outside.group()
            + "'): cite docs/service-paths.md, or a programme document by its short name in docs/sources.md");
      }
    }
  }

  private void problem(Path file, String element, String message) {
    problems.add(file.getParent().getFileName() + "/" + file.getFileName() + ": " + element + ": " + message);
  }

  private static List<Path> list(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String idOf(ModelElementInstance element) {
    return element == null ? "-" : element.getAttributeValue("id");
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
