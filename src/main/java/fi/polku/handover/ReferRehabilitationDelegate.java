package fi.polku.handover;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.cases.ProcessValues;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.security.StaffGroup;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The rehabilitation-need notice as an onward referral to the service the professional chose
 * (the pension provider's or Kela's), the occupational-health professionals responsible and the
 * one who chose as the worker, carrying health content. The client's consent to that receiver,
 * when given in the form, is recorded first (both ways, so the receiver's feedback can return);
 * the onward referral checks it at the crossing, and without it nothing is sent.
 */
@Component("referRehabilitationDelegate")
class ReferRehabilitationDelegate implements JavaDelegate {

  private final OnwardReferrals referrals;
  private final ConsentService consents;
  private final HistoryService history;
  private final Clock clock;

  ReferRehabilitationDelegate(OnwardReferrals referrals, ConsentService consents, HistoryService history, Clock clock) {
    this.referrals = referrals;
    this.consents = consents;
    this.history = history;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    OnwardService service = OnwardService.fromCode(ProcessValues.text(execution, OhHandoverModel.REHABILITATION_SERVICE));
    String professional = CompletedBy.user(history, execution.getProcessInstanceId(),
        OhHandoverModel.TASK_SEND_REHABILITATION_NOTICE);
    if (ProcessValues.flag(execution, OhHandoverModel.REHABILITATION_CONSENT_GIVEN)) {
      LocalDate today = LocalDate.now(clock.withZone(WorkingDays.FINLAND));
      LocalDate until = ProcessValues.date(execution, OhHandoverModel.REHABILITATION_CONSENT_VALID_UNTIL);
      LocalDate validUntil = until == null ? today.plusYears(1) : until;
      String by = professional == null ? "process" : professional;
      for (ConsentScope scope : List.of(ConsentScope.STATUS, ConsentScope.PLAN, ConsentScope.HEALTH)) {
        consents.give(caseNumber, new NewConsent(Agency.OH, service.agency(), scope, today, validUntil), by);
        consents.give(caseNumber, new NewConsent(service.agency(), Agency.OH, scope, today, validUntil), by);
      }
    }
    String reason = ProcessValues.text(execution, OhHandoverModel.REHABILITATION_LETTER);
    if (service == OnwardService.PENSION_VOCATIONAL_REHABILITATION) {
      reason = reason + "\n\n" + ProcessValues.text(execution, OhHandoverModel.PENSION_RIGHT_WARNING);
    }
    referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.OH, StaffGroup.OH_PROFESSIONAL.id(),
        professional, service, reason.length() <= 2000 ? reason : reason.substring(0, 2000), ConsentScope.HEALTH,
        OhHandoverModel.PROCESS_KEY));
  }
}
