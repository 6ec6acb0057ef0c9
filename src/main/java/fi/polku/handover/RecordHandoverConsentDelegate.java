package fi.polku.handover;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.cases.ProcessValues;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the client's consent to the hand-over (oh → te) in the consent register. */
@Component("recordHandoverConsentDelegate")
class RecordHandoverConsentDelegate implements JavaDelegate {

  private final ConsentService consents;
  private final Clock clock;

  RecordHandoverConsentDelegate(ConsentService consents, Clock clock) {
    this.consents = consents;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!ProcessValues.flag(execution, OhHandoverModel.CONSENT_GIVEN)) {
      return;
    }
    LocalDate today = LocalDate.now(clock.withZone(WorkingDays.FINLAND));
    LocalDate until = ProcessValues.date(execution, OhHandoverModel.CONSENT_VALID_UNTIL);
    LocalDate validUntil = until == null ? today.plusYears(1) : until;
    List<ConsentScope> scopes = ProcessValues.flag(execution, OhHandoverModel.CONSENT_INCLUDES_HEALTH)
        ? List.of(ConsentScope.STATUS, ConsentScope.PLAN, ConsentScope.HEALTH)
        : List.of(ConsentScope.STATUS, ConsentScope.PLAN);
    String by = ProcessValues.text(execution, OhHandoverModel.STARTED_BY);
    scopes.forEach(scope -> consents.give(execution.getProcessBusinessKey(),
        new NewConsent(Agency.OH, Agency.TE, scope, today, validUntil), by == null ? HandoverIntake.TASKLIST : by));
  }
}
