package fi.polku.healthcheck;

import fi.polku.notify.StatusNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Into the client's overall plan: with consent in force the employment services hear that the
 * summary and health plan are in Polku for them (HealthCheckContent shows them in the case's
 * status while the consent is in force); without, only that the check took place.
 */
@Component("healthCheckSummaryDelegate")
class HealthCheckSummaryDelegate implements JavaDelegate {

  private final HealthCheckService checks;
  private final StatusNotices notices;

  HealthCheckSummaryDelegate(HealthCheckService checks, StatusNotices notices) {
    this.checks = checks;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = Boolean.TRUE.equals(execution.getVariable("summaryConsentInForce"))
        ? "Terveystarkastus on tehty. Yhteenveto, jatko-ohjaus ja terveyssuunnitelma ovat nähtävissä asian tiedoissa"
            + " Polussa asiakkaan suunnitelmaa varten."
        : "Terveystarkastus on tehty.";
    HealthCheckReferrerNoticeDelegate.notifyReferrer(execution, text, checks, notices);
  }
}
