package fi.polku.engine;

import fi.polku.cases.PersonalDataVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps a client's identity out of the engine's history: the variables named in
 * {@link PersonalDataVariables} (which a Tasklist start form can only hand over as variables,
 * and which intake removes at once) are never written to ACT_HI_VARINST or ACT_HI_DETAIL. Nor
 * are the history rows nothing reads ({@link UnreadHistory}).
 */
@Component
class PersonalDataHistoryFilter extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Replace the default database handler by the same handler behind our filter.
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new Filter(new UnreadHistory.Handler()));
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  static boolean isPersonal(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return PersonalDataVariables.NAMES.contains(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity formProperty) {
      return PersonalDataVariables.NAMES.contains(formProperty.getPropertyId());
    }
    return false;
  }

  private record Filter(HistoryEventHandler delegate) implements HistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isPersonal(event) && !UnreadHistory.isUnread(event)) {
        delegate.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
