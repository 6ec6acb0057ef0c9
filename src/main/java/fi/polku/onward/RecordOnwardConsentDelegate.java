package fi.polku.onward;

import fi.polku.calendar.WorkingDays;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the consent the client gave the sender for this onward referral: the referral's content
 * to the receiver and the receiver's feedback back, until the given day.
 */
@Component("recordOnwardConsentDelegate")
class RecordOnwardConsentDelegate implements JavaDelegate {

  private final OnwardReferrals referrals;
  private final ConsentService consents;
  private final Clock clock;

  RecordOnwardConsentDelegate(OnwardReferrals referrals, ConsentService consents, Clock clock) {
    this.referrals = referrals;
    this.consents = consents;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OnwardReferral referral = referrals.get(Steps.referralId(execution));
    LocalDate today = LocalDate.now(clock.withZone(WorkingDays.FINLAND));
    LocalDate until = Steps.date(execution.getVariable(OnwardReferralModel.CONSENT_VALID_UNTIL));
    Set<ConsentScope> there = new LinkedHashSet<>(java.util.List.of(ConsentScope.STATUS, referral.contentScope()));
    Set<ConsentScope> back = new LinkedHashSet<>(java.util.List.of(ConsentScope.STATUS, referral.feedbackScope()));
    String actor = Steps.actor(execution);
    for (ConsentScope scope : there) {
      consents.give(referral.caseNumber(), new NewConsent(referral.sendingAgency(), referral.receivingAgency(), scope,
          today, until), actor);
    }
    for (ConsentScope scope : back) {
      consents.give(referral.caseNumber(), new NewConsent(referral.receivingAgency(), referral.sendingAgency(), scope,
          today, until), actor);
    }
  }
}
