package fi.polku.engine;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.stereotype.Component;

/**
 * Puts the case number on every user task as a task variable, so Tasklist's lists can show it
 * (the filters list {@link #VARIABLE}). A process variable would not do: staff may read their
 * tasks but not the process instances, so Tasklist would leave it out of the list. The case
 * number is no personal data; the client's name and identity code never become task variables.
 * Every model gets it without saying so, and tasks created before this existed get it at start.
 */
@Component
public class CaseNumberOnTasks extends AbstractProcessEnginePlugin {

  /**
   * The task variable's name: not {@code caseNumber}, so that a form field of that name still
   * reads and writes the process variable.
   */
  public static final String VARIABLE = "taskCaseNumber";

  private static final TaskListener ON_CREATE = task -> {
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (businessKey != null) {
      task.setVariableLocal(VARIABLE, businessKey);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, ON_CREATE);
        }
      }
    });
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    TaskService tasks = engine.getTaskService();
    Set<String> done = engine.getRuntimeService().createVariableInstanceQuery().variableName(VARIABLE).list().stream()
        .map(VariableInstance::getTaskId).collect(Collectors.toSet());
    for (Task task : tasks.createTaskQuery().list()) {
      if (!done.contains(task.getId()) && task.getProcessInstanceId() != null) {
        String businessKey = engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
        if (businessKey != null) {
          tasks.setVariableLocal(task.getId(), VARIABLE, businessKey);
        }
      }
    }
  }
}
