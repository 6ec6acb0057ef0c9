package fi.polku.healthcheck;

import fi.polku.cases.ProcessValues;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Which round of invitation mails a step sends: a rebooked check is a new round, its mails go out again, once each. */
final class InvitationRound {

  private InvitationRound() {}

  static String of(VariableScope execution) {
    Integer missed = ProcessValues.integer(execution, HealthCheckModel.MISSED_APPOINTMENTS);
    return "round-" + (missed == null ? 1 : missed + 1);
  }
}
