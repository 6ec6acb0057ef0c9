package fi.polku.handover;

import fi.polku.cases.Agency;
import fi.polku.cases.ProcessValues;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.referral.ReferralCriteria;
import fi.polku.referral.ReferralIntake;
import fi.polku.referral.ReferralRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refers the handed-over client to path 1's work-ability team, for the same case, through the
 * referral module's intake — if the hand-over consent is still in force, since a withdrawal stops
 * every later hand-over.
 */
@Component("startReferralFromHandoverDelegate")
class StartReferralFromHandoverDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StartReferralFromHandoverDelegate.class);

  private final ReferralIntake referrals;
  private final ConsentService consents;

  StartReferralFromHandoverDelegate(ReferralIntake referrals, ConsentService consents) {
    this.referrals = referrals;
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    if (!consents.allows(caseNumber, Agency.OH, Agency.TE, ConsentScope.PLAN,
        "process:oh-handover/" + execution.getCurrentActivityId(), "referral onwards from the hand-over")) {
      LOG.info("Case {}: hand-over consent withdrawn, no referral onwards", caseNumber);
      return;
    }
    String takenOverBy = ProcessValues.text(execution, "takenOverBy");
    String note = ProcessValues.text(execution, "followOnNote");
    referrals.requestFromPath(caseNumber, new ReferralRequest(
        ReferralCriteria.only(List.of("partialWorkAbility")),
        "Työterveyshuollon siirto työsuhteen päättyessä" + (note == null ? "" : ": " + note),
        "Työkyvyn tuen kartoitus työterveyshuollon laajennetun terveystarkastuksen jälkeen",
        takenOverBy == null ? "te-coordinator" : takenOverBy, "oh-handover", Agency.TE,
        ReferralRequest.Referrer.TE_COORDINATOR, Map.of()));
  }
}
