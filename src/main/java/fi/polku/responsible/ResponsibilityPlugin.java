package fi.polku.responsible;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Ties the responsible worker to the paths without a word in the models: when a model is deployed,
 * the steps {@link ResponsibilityRules} names get built-in listeners. An intake step, when done,
 * makes its worker (or the person its form chose) responsible; a task of the case, when created,
 * is assigned to the responsible worker with its candidate groups kept; a form that chooses a case
 * manager gets the users to choose from as the task variable its select reads.
 */
@Component
class ResponsibilityPlugin extends AbstractProcessEnginePlugin {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectProvider<ResponsibleWorkers> workers;
  private final ObjectProvider<StaffDirectory> staff;

  ResponsibilityPlugin(ObjectProvider<ResponsibleWorkers> workers, ObjectProvider<StaffDirectory> staff) {
    this.workers = workers;
    this.staff = staff;
  }

  private final TaskListener intakeDone = this::intakeDone;
  private final ExecutionListener intakeStepEnded = this::intakeStepEnded;
  private final TaskListener caseTaskCreated = this::caseTaskCreated;
  private final TaskListener choiceCreated = this::choiceCreated;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
          return;
        }
        String processKey = processKeyOf(activity);
        TaskDefinition task = behavior.getTaskDefinition();
        if (!ResponsibilityRules.caseManagerGroups(processKey, activity.getId()).isEmpty()) {
          task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, choiceCreated);
        }
        if (ResponsibilityRules.caseTask(processKey, activity.getId()).isPresent()) {
          task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, caseTaskCreated);
        }
        if (ResponsibilityRules.intake(processKey, activity.getId()).isPresent()) {
          task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, intakeDone);
        }
      }

      @Override
      public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (ResponsibilityRules.intake(processKeyOf(activity), activity.getId()).isPresent()) {
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, intakeStepEnded);
        }
      }
    });
  }

  private static String processKeyOf(ActivityImpl activity) {
    return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition ? definition.getKey() : "";
  }

  private void intakeDone(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    String processKey = ResponsibleWorkers.processKey(task.getProcessDefinitionId());
    ResponsibilityRules.Intake rule = ResponsibilityRules.intake(processKey, task.getTaskDefinitionKey()).orElseThrow();
    String completer = task.getAssignee() != null ? task.getAssignee() : Context.getCommandContext().getAuthenticatedUserId();
    Optional<StaffDirectory.Person> person;
    if (rule.userVariable() == null) {
      person = staff.getObject().staff(completer);
    } else {
      Object chosen = task.getVariable(rule.userVariable());
      person = staff.getObject().staff(chosen == null ? null : chosen.toString());
      if (person.isPresent() && ResponsibilityRules.CASE_MANAGER.equals(rule.userVariable())) {
        // The select holds the user id; the plan and the later forms show the case manager's name.
        task.setVariable(ResponsibilityRules.CASE_MANAGER, person.get().name());
      } else if (person.isEmpty() && rule.reason() == Reason.TAKE_OVER) {
        person = staff.getObject().staff(completer);
      }
    }
    if (caseNumber != null) {
      person.ifPresent(who -> workers.getObject().take(caseNumber, who.userId(), rule.reason(), null,
          completer == null ? who.userId() : completer, processKey, Set.of(task.getId()), false));
    }
  }

  private void intakeStepEnded(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    String processKey = ResponsibleWorkers.processKey(execution.getProcessDefinitionId());
    ResponsibilityRules.Intake rule = ResponsibilityRules.intake(processKey, execution.getCurrentActivityId()).orElseThrow();
    Object named = execution.getVariable(rule.userVariable());
    if (caseNumber != null && named != null) {
      // A provider's system that started the path is nobody: only a member of staff becomes responsible.
      staff.getObject().staff(named.toString()).ifPresent(who -> workers.getObject().take(caseNumber, who.userId(),
          rule.reason(), null, who.userId(), processKey, Set.of(), false));
    }
  }

  private void caseTaskCreated(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    if (caseNumber == null || task.getAssignee() != null) {
      return;
    }
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    workers.getObject().assigneeFor(caseNumber, ResponsibleWorkers.processKey(task.getProcessDefinitionId()),
        task.getTaskDefinitionKey(), groups).ifPresent(task::setAssignee);
  }

  private void choiceCreated(DelegateTask task) {
    List<String> groups = ResponsibilityRules.caseManagerGroups(
        ResponsibleWorkers.processKey(task.getProcessDefinitionId()), task.getTaskDefinitionKey());
    List<Map<String, String>> options = staff.getObject().members(groups).stream()
        .map(person -> Map.of("label", person.label(), "value", person.userId())).toList();
    try {
      task.setVariableLocal(ResponsibilityRules.CASE_MANAGER_OPTIONS,
          SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
