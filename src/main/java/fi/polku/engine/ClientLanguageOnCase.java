package fi.polku.engine;

import fi.polku.cases.ClientCaseService;
import fi.polku.cases.ClientLanguage;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records the client's language on the case: a start form's "Asiointikieli" select or an API
 * request's {@code language} arrives as the process variable {@link ClientLanguage#VARIABLE}, but
 * the case is opened later, by the path's intake step. After every automatic step (and the start
 * event, for a path the API started with its case number) the variable, once the case exists, is
 * written to the case and removed, so that every mail to the client, from any path or the case
 * page, reads the one language of the case. No model needs to say so.
 */
@Component
class ClientLanguageOnCase extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ClientLanguageOnCase.class);

  private final ObjectProvider<ClientCaseService> cases;
  private final ExecutionListener onEnd = this::record;

  ClientLanguageOnCase(ObjectProvider<ClientCaseService> cases) {
    this.cases = cases;
  }

  private void record(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    if (caseNumber == null || !execution.hasVariable(ClientLanguage.VARIABLE)
        || cases.getObject().find(caseNumber).isEmpty()) {
      return;
    }
    Object given = execution.getVariable(ClientLanguage.VARIABLE);
    try {
      cases.getObject().recordLanguage(caseNumber, ClientLanguage.fromCode(given == null ? null : given.toString()));
    } catch (IllegalArgumentException e) {
      LOG.warn("Case {}: the intake's client language is neither fi nor sv; the case stays in Finnish", caseNumber);
    }
    execution.removeVariable(ClientLanguage.VARIABLE);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onEnd);
      }

      @Override
      public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onEnd);
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onEnd);
      }
    });
  }
}
