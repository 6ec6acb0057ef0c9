package fi.polku.healthcheck;

import fi.polku.notify.StatusNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/** Tells whoever asked for the check (field statusText) what became of it; no health data. */
@Component("healthCheckReferrerNoticeDelegate")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class HealthCheckReferrerNoticeDelegate implements JavaDelegate {

  private final HealthCheckService checks;
  private final StatusNotices notices;

  private Expression statusText;

  HealthCheckReferrerNoticeDelegate(HealthCheckService checks, StatusNotices notices) {
    this.checks = checks;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifyReferrer(execution, (String) statusText.getValue(execution), checks, notices);
  }

  /** Tells whoever asked for the check; a walk-in's nurse was there and needs no mail. */
  static void notifyReferrer(DelegateExecution execution, String text, HealthCheckService checks, StatusNotices notices) {
    if (!"walk-in".equals(execution.getVariable(HealthCheckModel.WAY_IN))) {
      notices.tell(execution, checks.requestedBy(execution.getProcessBusinessKey()), "Työttömien terveystarkastus", text);
    }
  }

  public void setStatusText(Expression statusText) {
    this.statusText = statusText;
  }
}
