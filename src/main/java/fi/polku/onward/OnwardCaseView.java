package fi.polku.onward;

import fi.polku.api.CaseContentSource;
import fi.polku.api.CaseOnwardReferralSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A case's onward referrals in {@code GET /api/cases/{caseNumber}}: their states beside the paths,
 * and as content the reason (the sender's) and the feedback (the receiver's), which the API shows
 * only while a consent in force lets them reach the reader.
 */
@Component
class OnwardCaseView implements CaseOnwardReferralSource, CaseContentSource {

  private final OnwardReferrals referrals;

  OnwardCaseView(OnwardReferrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public List<CaseOnwardReferral> onwardReferralsOf(String caseNumber) {
    return referrals.ofCase(caseNumber).stream().map(referral -> new CaseOnwardReferral(referral.id(),
        referral.sendingAgency(), referral.receivingAgency(), referral.service().code(),
        referral.service().finnishName(), referral.status().code(), referral.status().finnishName(),
        referral.answerDueAt(), referral.firstAppointmentAt(), referral.unaccountedSince(),
        referrals.history(referral.id()).stream()
            .map(change -> new StatusChange(change.status(), change.changedAt(), change.changedBy())).toList()))
        .toList();
  }

  @Override
  public List<CaseContent> contentFor(String caseNumber) {
    List<CaseContent> content = new ArrayList<>();
    for (OnwardReferral referral : referrals.ofCase(caseNumber)) {
      Map<String, Object> reason = new LinkedHashMap<>();
      reason.put("onwardReferralId", referral.id());
      reason.put("service", referral.service().code());
      reason.put("reason", referral.reason());
      content.add(new CaseContent(OnwardReferralModel.PROCESS_KEY, referral.sendingAgency(), referral.feedbackScope(),
          "Jatko-ohjauksen syy", reason));
      if (referral.feedback() != null) {
        Map<String, Object> feedback = new LinkedHashMap<>();
        feedback.put("onwardReferralId", referral.id());
        feedback.put("service", referral.service().code());
        feedback.put("outcome", referral.status().code());
        feedback.put("feedback", referral.feedback());
        content.add(new CaseContent(OnwardReferralModel.PROCESS_KEY, referral.receivingAgency(),
            referral.feedbackScope(), "Jatko-ohjauksen palaute", feedback));
      }
    }
    return content;
  }
}
