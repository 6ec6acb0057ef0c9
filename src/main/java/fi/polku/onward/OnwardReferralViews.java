package fi.polku.onward;

import fi.polku.api.Caller;
import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What an agency's system sees of an onward referral: only its own (the sender's, or the
 * receiver's once it crossed), the reason as the consent at the crossing let it cross, and the
 * feedback only while a consent in force allows it. Anything else is 404, as if it did not exist.
 */
@Component
class OnwardReferralViews {

  private final OnwardReferrals referrals;
  private final ConsentService consents;

  OnwardReferralViews(OnwardReferrals referrals, ConsentService consents) {
    this.referrals = referrals;
    this.consents = consents;
  }

  /** An onward referral as its sender or receiver sees it. */
  record OnwardReferralView(long id, String caseNumber, Agency sendingAgency, Agency receivingAgency, String service,
      String serviceName, String status, String statusName, String statusReason, ConsentScope contentScope,
      String reason, Instant sentAt, Instant answerDueAt, Instant firstAppointmentAt, String feedback,
      List<OnwardReferral.StatusChange> history) {}

  /** The referral if the caller's agency received it (it crossed to it), else 404. */
  OnwardReferral received(long id, Caller caller) {
    OnwardReferral referral = referrals.find(id).orElseThrow(() -> new OnwardReferralNotFoundException(id));
    if (referral.sentAt() == null || caller.agency().orElse(null) != referral.receivingAgency()) {
      throw new OnwardReferralNotFoundException(id);
    }
    return referral;
  }

  /** The referral if the caller's agency sends or received it (or the caller administers), else 404. */
  OnwardReferral visible(long id, Caller caller) {
    OnwardReferral referral = referrals.find(id).orElseThrow(() -> new OnwardReferralNotFoundException(id));
    Agency agency = caller.agency().orElse(null);
    boolean sender = agency == referral.sendingAgency();
    boolean receiver = agency == referral.receivingAgency() && referral.sentAt() != null;
    if (!sender && !receiver && !(caller.admin() && agency == null)) {
      throw new OnwardReferralNotFoundException(id);
    }
    return referral;
  }

  /**
   * The referral for the caller: the reason crossed with the consent checked when it was sent; the
   * feedback reaches the sender only while a consent in force allows it.
   */
  OnwardReferralView view(OnwardReferral referral, Caller caller) {
    Agency agency = caller.agency().orElse(null);
    String feedback = referral.feedback();
    if (feedback != null && agency != referral.receivingAgency() && (agency == null
        || !consents.allows(referral.caseNumber(), referral.receivingAgency(), agency, referral.feedbackScope(),
            "api:" + caller.userId(), "onward referral feedback"))) {
      feedback = null;
    }
    String reason = agency == referral.sendingAgency() || referral.sentAt() != null ? referral.reason() : null;
    return new OnwardReferralView(referral.id(), referral.caseNumber(), referral.sendingAgency(),
        referral.receivingAgency(), referral.service().code(), referral.service().finnishName(),
        referral.status().code(), referral.status().finnishName(), referral.statusReason(), referral.contentScope(),
        reason, referral.sentAt(), referral.answerDueAt(), referral.firstAppointmentAt(), feedback,
        referrals.history(referral.id()));
  }
}
