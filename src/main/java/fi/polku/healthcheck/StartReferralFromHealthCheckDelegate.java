package fi.polku.healthcheck;

import fi.polku.cases.Agency;
import fi.polku.referral.ReferralCriteria;
import fi.polku.referral.ReferralIntake;
import fi.polku.referral.ReferralRequest;
import fi.polku.referral.TeReferralModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Refers the client of the health check to path 1's work-ability team, for the same case, through
 * the referral module's intake. The nurse's findings, WHODAS answers and Kykyviisari go with it, so
 * the sote centre's own team does not ask the client again (the check's WHODAS sum and flag are
 * found as a recent measurement).
 */
@Component("startReferralFromHealthCheckDelegate")
class StartReferralFromHealthCheckDelegate implements JavaDelegate {

  private final ReferralIntake referrals;
  private final HealthCheckService checks;

  StartReferralFromHealthCheckDelegate(ReferralIntake referrals, HealthCheckService checks) {
    this.referrals = referrals;
    this.checks = checks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    Map<String, Object> carried = new HashMap<>();
    for (int item = 1; item <= 12; item++) {
      carried.put("whodas" + item, execution.getVariable("whodas" + item));
    }
    carried.put(TeReferralModel.HEALTH_CHECK_FINDINGS, execution.getVariable("findings"));
    carried.put(TeReferralModel.HEALTH_CHECK_KYKYVIISARI, execution.getVariable("kykyviisariScore"));
    // A walk-in's referrer is the nurse: the plan comes back to the health-check nurses, inside the sote centre.
    boolean walkIn = "walk-in".equals(execution.getVariable(HealthCheckModel.WAY_IN));
    referrals.requestFromPath(caseNumber, new ReferralRequest(
        ReferralCriteria.only(List.of("partialWorkAbility")),
        "Työttömien terveystarkastus: työkykyyn liittyvä huoli",
        "Työkyvyn tuen kartoitus terveystarkastuksen jälkeen",
        checks.requestedBy(caseNumber), "health-check", Agency.SOTE,
        walkIn ? ReferralRequest.Referrer.HEALTH_CHECK_NURSE : ReferralRequest.Referrer.TE_COORDINATOR,
        carried));
  }
}
