package fi.polku.handover;

import fi.polku.cases.Agency;
import fi.polku.cases.ProcessValues;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the hand-over summary where the coordinator's task shows it — only on the consented
 * branch, so nothing crosses to employment services without consent.
 */
@Component("handoverSummaryDelegate")
class HandoverSummaryDelegate implements JavaDelegate {

  private final HandoverService handovers;
  private final ConsentService consents;

  HandoverSummaryDelegate(HandoverService handovers, ConsentService consents) {
    this.handovers = handovers;
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    // The check's content is health information: it goes with the summary only under a health-scope consent.
    boolean health = consents.allows(caseNumber, Agency.OH, Agency.TE, ConsentScope.HEALTH,
        "process:" + OhHandoverModel.PROCESS_KEY + "/" + execution.getCurrentActivityId(),
        "hand-over summary with the extended check's findings");
    HandoverService.CheckContent check = new HandoverService.CheckContent(ProcessValues.text(execution, OhHandoverModel.FINDINGS),
        ProcessValues.flag(execution, OhHandoverModel.REHABILITATION_NEED), ProcessValues.text(execution, OhHandoverModel.HEALTH_PLAN));
    execution.setVariable(OhHandoverModel.HANDOVER_SUMMARY, handovers.summary(caseNumber, health ? check : null));
  }
}
