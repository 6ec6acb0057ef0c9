package fi.polku.handover;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.ProcessValues;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the coordinator's take-over; with the client's consent, also te ↔ sote for a referral. */
@Component("recordTakeOverDelegate")
class RecordTakeOverDelegate implements JavaDelegate {

  private final HandoverService handovers;
  private final ConsentService consents;
  private final ClientCaseService cases;
  private final Clock clock;
  private final HistoryService history;

  RecordTakeOverDelegate(HandoverService handovers, ConsentService consents, ClientCaseService cases, Clock clock,
      HistoryService history) {
    this.handovers = handovers;
    this.consents = consents;
    this.cases = cases;
    this.clock = clock;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    // Who completed the take-over (Tasklist or REST): the coordinator who refers onwards, if needed.
    String coordinator = CompletedBy.user(history, execution.getProcessInstanceId(), OhHandoverModel.TASK_TAKE_OVER);
    if (coordinator != null) {
      execution.setVariable(OhHandoverModel.TAKEN_OVER_BY, coordinator);
    }
    cases.join(caseNumber, Agency.TE);
    handovers.recordTakeOver(caseNumber, ProcessValues.text(execution, OhHandoverModel.CASE_MANAGER),
        ProcessValues.text(execution, OhHandoverModel.FOLLOW_ON_PATH), ProcessValues.integer(execution, OhHandoverModel.CLIENT_EXPERIENCE));
    if ("sote-team".equals(ProcessValues.text(execution, OhHandoverModel.FOLLOW_ON_PATH))
        && ProcessValues.flag(execution, OhHandoverModel.SOTE_CONSENT_GIVEN)) {
      LocalDate today = LocalDate.now(clock.withZone(WorkingDays.FINLAND));
      for (ConsentScope scope : List.of(ConsentScope.STATUS, ConsentScope.PLAN)) {
        consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, scope, today, today.plusYears(1)), "process");
        consents.give(caseNumber, new NewConsent(Agency.SOTE, Agency.TE, scope, today, today.plusYears(1)), "process");
      }
    }
  }
}
