package fi.polku.healthcheck;

import fi.polku.api.CaseContentSource;
import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What path 2 adds to GET /api/cases/{caseNumber} once the check is done, so the check becomes
 * part of the client's overall plan without the client telling it again: the summary and the
 * health plan (plan scope) and the nurse's findings (health scope), both from the sote centre, so
 * the employment services see each only while a consent in force of that scope allows it.
 */
@Component
class HealthCheckContent implements CaseContentSource {

  static final String SUMMARY_TITLE = "Terveystarkastuksen yhteenveto ja terveyssuunnitelma";
  static final String FINDINGS_TITLE = "Terveystarkastuksen havainnot";

  private final HealthCheckService checks;

  HealthCheckContent(HealthCheckService checks) {
    this.checks = checks;
  }

  @Override
  public List<CaseContent> contentFor(String caseNumber) {
    List<CaseContent> content = new ArrayList<>();
    checks.summary(caseNumber).ifPresent(summary -> {
      Map<String, Object> plan = new LinkedHashMap<>();
      plan.put("checkedAt", summary.checkedAt());
      plan.put("route", summary.route());
      plan.put("routeReason", summary.routeReason());
      plan.put("healthPlan", summary.healthPlan());
      plan.put("clientView", summary.clientView());
      content.add(new CaseContent(HealthCheckModel.PROCESS_KEY, Agency.SOTE, ConsentScope.PLAN, SUMMARY_TITLE, plan));
      Map<String, Object> health = new LinkedHashMap<>();
      health.put("findings", summary.findings());
      health.put("whodasFlag", summary.whodasFlag());
      content.add(new CaseContent(HealthCheckModel.PROCESS_KEY, Agency.SOTE, ConsentScope.HEALTH, FINDINGS_TITLE,
          health));
    });
    return content;
  }
}
