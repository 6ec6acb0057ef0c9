package fi.polku.engine;

import fi.polku.cases.ClientCaseService;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the case number and the client's name on every user task as task variables, so Tasklist's
 * lists can show them (the filters list {@link #VARIABLE} and {@link #CLIENT_NAME}). Process
 * variables would not do: staff may read their tasks but not the process instances, so Tasklist
 * would leave them out of the list. The name is personal data: it is a task variable only while
 * the task is open, and the engine's history never records it (it is one of
 * PersonalDataVariables.NAMES); the identity code never becomes a variable. Every model gets them
 * without saying so, and tasks created before this existed get them at start.
 */
@Component
public class CaseNumberOnTasks extends AbstractProcessEnginePlugin {

  /**
   * The task variable's name: not {@code caseNumber}, so that a form field of that name still
   * reads and writes the process variable.
   */
  public static final String VARIABLE = "taskCaseNumber";

  /** The task variable with the client's name as the referral gave it. */
  public static final String CLIENT_NAME = "taskClientName";

  private final ObjectProvider<ClientCaseService> cases;

  CaseNumberOnTasks(ObjectProvider<ClientCaseService> cases) {
    this.cases = cases;
  }

  private final TaskListener onCreate = this::label;

  private void label(DelegateTask task) {
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (businessKey != null) {
      task.setVariableLocal(VARIABLE, businessKey);
      cases.getObject().clientName(businessKey).ifPresent(name -> task.setVariableLocal(CLIENT_NAME, name));
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
        }
      }
    });
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    TaskService tasks = engine.getTaskService();
    Set<String> done = engine.getRuntimeService().createVariableInstanceQuery().variableName(CLIENT_NAME).list().stream()
        .map(VariableInstance::getTaskId).collect(Collectors.toSet());
    for (Task task : tasks.createTaskQuery().list()) {
      if (!done.contains(task.getId()) && task.getProcessInstanceId() != null) {
        String businessKey = engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
        if (businessKey != null) {
          tasks.setVariableLocal(task.getId(), VARIABLE, businessKey);
          cases.getObject().clientName(businessKey).ifPresent(name -> tasks.setVariableLocal(task.getId(), CLIENT_NAME, name));
        }
      }
    }
  }
}
