package fi.polku.referral;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.security.StaffGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The mapping's follow-on paths that have a receiver become onward referrals, one each, when the
 * mapping is recorded (issue 15): the work-ability team stays responsible until the receiver accepts. Vocational rehabilitation is left to the team to refer by
 * hand, as Kela or the pension provider is the team's choice by the client's work history; substance
 * and mental-health rehabilitation, education, the open labour market have no receiver in Polku and
 * stay recorded labels.
 */
@Component
class FollowOnReferrals {

  /** A receiver of a follow-on path and what the referral carries there. */
  record Receiver(OnwardService service, ConsentScope scope) {}

  /** Follow-on path (the mapping form's checklist value) → the service that receives it. */
  static final Map<String, Receiver> RECEIVERS = Map.of(
      "medical-rehabilitation", new Receiver(OnwardService.ESH_REHABILITATION_POLYCLINIC, ConsentScope.HEALTH),
      "social-rehabilitation", new Receiver(OnwardService.SOCIAL_REHABILITATION, ConsentScope.PLAN),
      "rehabilitative-work-activity", new Receiver(OnwardService.REHABILITATIVE_WORK_ACTIVITY, ConsentScope.PLAN),
      "supported-employment", new Receiver(OnwardService.SUPPORTED_EMPLOYMENT, ConsentScope.PLAN),
      "other-employment-services", new Receiver(OnwardService.EMPLOYMENT_SERVICES, ConsentScope.PLAN),
      // The sote centre's physician writes the certificate a sick leave or a disability pension needs.
      "sick-leave", new Receiver(OnwardService.SOTE_PHYSICIAN, ConsentScope.HEALTH),
      "disability-pension-assessment", new Receiver(OnwardService.SOTE_PHYSICIAN, ConsentScope.HEALTH),
      "specialist-care", new Receiver(OnwardService.ESH_MULTIPROFESSIONAL_ASSESSMENT, ConsentScope.HEALTH));

  private final OnwardReferrals referrals;

  FollowOnReferrals(OnwardReferrals referrals) {
    this.referrals = referrals;
  }

  /**
   * Requests one onward referral for each service the chosen paths lead to (two paths to the same
   * service make one referral); the team is responsible, and the sender's tasks go to the case's
   * responsible worker (the case manager). The ids.
   */
  List<Long> request(String caseNumber, List<String> followOnPaths) {
    Set<Receiver> receivers = new LinkedHashSet<>();
    for (String path : followOnPaths) {
      Receiver receiver = RECEIVERS.get(path);
      if (receiver != null && receivers.stream().noneMatch(chosen -> chosen.service() == receiver.service())) {
        receivers.add(receiver);
      }
    }
    List<Long> ids = new ArrayList<>();
    for (Receiver receiver : receivers) {
      ids.add(referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.SOTE, StaffGroup.WORK_ABILITY_TEAM.id(),
          null, receiver.service(), "Työkyvyn tuen kartoituksen jatkopolku: " + receiver.service().finnishName(),
          receiver.scope(), TeReferralModel.PROCESS_KEY)));
    }
    return ids;
  }
}
