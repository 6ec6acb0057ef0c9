package fi.polku.supported;

import fi.polku.cases.ProcessValues;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What the path's steps share: the coaching's id, who acts, and the values forms send. */
final class Steps {

  private Steps() {}

  static long coachingId(VariableScope scope) {
    return ((Number) scope.getVariable(SupportedEmploymentModel.SUPPORTED_EMPLOYMENT_ID)).longValue();
  }

  /** The person who completed the form that led here, else the path's step. */
  static String actor(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : "process:" + SupportedEmploymentModel.PROCESS_KEY + "/" + execution.getCurrentActivityId();
  }

  static String text(VariableScope scope, String variable) {
    return ProcessValues.text(scope, variable);
  }

  static Integer integer(VariableScope scope, String variable) {
    return scope.getVariable(variable) instanceof Number number ? number.intValue() : null;
  }

  /** A date as the date picker sends it (2026-05-31), or a {@link java.util.Date}. */
  static LocalDate date(VariableScope scope, String variable) {
    return ProcessValues.date(scope, variable);
  }

  /** A day as staff read it: 31.5.2026. */
  static String finnish(LocalDate day) {
    return day.getDayOfMonth() + "." + day.getMonthValue() + "." + day.getYear();
  }
}
