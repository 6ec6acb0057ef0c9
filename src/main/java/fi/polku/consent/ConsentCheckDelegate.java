package fi.polku.consent;

import fi.polku.cases.Agency;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Asks the consent register, at the moment information would cross, whether the client allows it
 * (fields fromAgency, toAgency, scope, resultVariable, purpose in the model) and writes the answer.
 */
// Prototype: the engine injects the fields per use, so each use needs its own instance.
@Component("consentCheckDelegate")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class ConsentCheckDelegate implements JavaDelegate {

  private final ConsentService consents;

  // Injected per step from the model's camunda:field elements.
  private Expression fromAgency;
  private Expression toAgency;
  private Expression scope;
  private Expression resultVariable;
  private Expression purpose;

  ConsentCheckDelegate(ConsentService consents) {
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Agency from = Agency.fromCode(value(fromAgency, execution));
    Agency to = Agency.fromCode(value(toAgency, execution));
    if (from == to) {
      // Information that stays inside one agency (a sote nurse's referral to the sote team) crosses
      // no boundary and needs no consent between agencies.
      execution.setVariable(value(resultVariable, execution), true);
      return;
    }
    boolean allowed = consents.allows(execution.getProcessBusinessKey(), from, to,
        ConsentScope.fromCode(value(scope, execution)),
        "process:" + execution.getProcessDefinitionId().split(":")[0] + "/" + execution.getCurrentActivityId(),
        value(purpose, execution));
    execution.setVariable(value(resultVariable, execution), allowed);
  }

  private static String value(Expression expression, DelegateExecution execution) {
    return (String) expression.getValue(execution);
  }

  public void setFromAgency(Expression fromAgency) {
    this.fromAgency = fromAgency;
  }

  public void setToAgency(Expression toAgency) {
    this.toAgency = toAgency;
  }

  public void setScope(Expression scope) {
    this.scope = scope;
  }

  public void setResultVariable(Expression resultVariable) {
    this.resultVariable = resultVariable;
  }

  public void setPurpose(Expression purpose) {
    this.purpose = purpose;
  }
}
