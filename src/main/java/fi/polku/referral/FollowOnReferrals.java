package fi.polku.referral;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.security.StaffGroup;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mapping's follow-on paths that have a receiver become onward referrals, one each, when the
 * mapping is recorded (issue 15): the work-ability team stays responsible until the receiver accepts.
 * Vocational rehabilitation is left to the team to refer by hand, as Kela or the pension provider is
 * the team's choice; the other paths have no receiver in Polku.
 */
@Component
class FollowOnReferrals {

  /** Follow-on path (the mapping form's checklist value) → the service that receives it. */
  static final Map<String, OnwardService> RECEIVERS = Map.of(
      "supported-employment", OnwardService.SUPPORTED_EMPLOYMENT,
      "social-rehabilitation", OnwardService.SOCIAL_REHABILITATION,
      "rehabilitative-work-activity", OnwardService.REHABILITATIVE_WORK_ACTIVITY);

  private final OnwardReferrals referrals;

  FollowOnReferrals(OnwardReferrals referrals) {
    this.referrals = referrals;
  }

  /** Requests an onward referral for each chosen path that has a receiver; the team member who mapped is responsible. */
  void request(String caseNumber, List<String> followOnPaths, String teamMember) {
    for (String path : followOnPaths) {
      OnwardService service = RECEIVERS.get(path);
      if (service != null) {
        referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.SOTE, StaffGroup.WORK_ABILITY_TEAM.id(),
            teamMember, service, "Työkyvyn tuen kartoituksen jatkopolku: " + service.finnishName(), ConsentScope.PLAN,
            TeReferralModel.PROCESS_KEY));
      }
    }
  }
}
