package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.cases.ClientCaseService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stage 1: the coaching's record, from an accepted onward referral or a self-referral; the case number becomes the business key. */
@Component("registerSupportedClientDelegate")
class RegisterSupportedClientDelegate implements JavaDelegate {

  static final Map<String, String> ENTRY_ROUTES = Map.of(
      "onward-referral", "Jatko-ohjaus",
      "self-referral", "Asiakas hakeutui itse",
      "social-work", "Sosiaalityön ohjaamana",
      "sote-counselling", "Sote-keskuksen palveluohjauksesta");

  private final SupportedEmployments coachings;
  private final ClientCaseService cases;

  RegisterSupportedClientDelegate(SupportedEmployments coachings, ClientCaseService cases) {
    this.coachings = coachings;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = String.valueOf(execution.getVariable(CASE_NUMBER)).trim();
    cases.get(caseNumber);
    String route = (String) execution.getVariable(ENTRY_ROUTE);
    Object onward = execution.getVariable(ONWARD_REFERRAL_ID);
    long id = coachings.register(caseNumber, execution.getProcessInstanceId(),
        onward instanceof Number number ? number.longValue() : null, route, (String) execution.getVariable(COACH));
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CASE_NUMBER, caseNumber);
    execution.setVariable(SUPPORTED_EMPLOYMENT_ID, id);
    execution.setVariable(ENTRY_ROUTE_NAME, ENTRY_ROUTES.getOrDefault(route, route));
  }
}
