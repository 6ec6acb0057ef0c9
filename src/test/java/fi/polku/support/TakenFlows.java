package fi.polku.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every sequence flow a test takes, as "processKey/flowId", so a process test can assert
 * that its class took every flow of its model (the coverage report under target/ shows the same).
 */
@TestConfiguration
public class TakenFlows {

  /** The flows taken since the JVM started. */
  public static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

  /**
   * The sequence flows of processes/&lt;processKey&gt;.bpmn that no test took. A flow out of an
   * event-based gateway counts when its event happened, as the engine never "takes" it.
   */
  public static java.util.List<String> notTaken(String processKey) {
    return org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(new java.io.File("processes/" + processKey + ".bpmn"))
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class).stream()
        .filter(flow -> !TAKEN.contains(processKey + "/" + flow.getId())
            && !(flow.getSource() instanceof org.camunda.bpm.model.bpmn.instance.EventBasedGateway
                && TAKEN.contains(processKey + "/@" + flow.getTarget().getId())))
        .map(flow -> processKey + "/" + flow.getId()).sorted().toList();
  }

  @Bean
  AbstractProcessEnginePlugin takenFlowsRecorder() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
          configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
          @Override
          public void parseSequenceFlow(Element element, org.camunda.bpm.engine.impl.pvm.process.ScopeImpl scope,
              TransitionImpl transition) {
            String flow = transition.getId();
            transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution ->
                TAKEN.add(execution.getProcessDefinitionId().split(":")[0] + "/" + flow));
          }

          // The engine does not "take" a flow out of an event-based gateway: it starts the event.
          // So every activity start is recorded too, as "processKey/@activityId".
          @Override
          public void parseProcess(Element element, org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity
              definition) {
            recordStarts(definition.getActivities());
          }

          private void recordStarts(java.util.List<org.camunda.bpm.engine.impl.pvm.process.ActivityImpl> activities) {
            for (org.camunda.bpm.engine.impl.pvm.process.ActivityImpl activity : activities) {
              String id = activity.getId();
              activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                  TAKEN.add(execution.getProcessDefinitionId().split(":")[0] + "/@" + id));
              recordStarts(activity.getActivities());
            }
          }
        });
      }
    };
  }
}
