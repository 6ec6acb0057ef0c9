package fi.polku.healthcheck;

import fi.polku.cases.Agency;
import fi.polku.referral.TeReferralModel;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The last step of path 2 still defined as a {@code @Bean} lambda: the start of path 1 for the same
 * case. Every other step is a class of its own named after its bean (RegisterHealthCheckDelegate, …);
 * this one moves with the typed referral contract (issue 14).
 */
@Configuration
class HealthCheckDelegates {

  /**
   * Starts path 1 (te-referral) for the same case by a message: routed to the work-ability team.
   * The nurse's findings, WHODAS answers and Kykyviisari go with it, so the sote centre's own team
   * does not ask the client again (the check's WHODAS sum and flag are found as a recent measurement).
   */
  @Bean
  JavaDelegate startReferralFromHealthCheckDelegate(RuntimeService runtimeService, HealthCheckService checks) {
    return execution -> {
      Map<String, Object> carried = new HashMap<>();
      for (int item = 1; item <= 12; item++) {
        carried.put("whodas" + item, execution.getVariable("whodas" + item));
      }
      carried.put(TeReferralModel.HEALTH_CHECK_FINDINGS, execution.getVariable("findings"));
      carried.put(TeReferralModel.HEALTH_CHECK_KYKYVIISARI, execution.getVariable("kykyviisariScore"));
      // A walk-in's referrer is the nurse: the plan comes back to the health-check nurses, inside the sote centre.
      boolean walkIn = "walk-in".equals(execution.getVariable(HealthCheckModel.WAY_IN));
      carried.put(TeReferralModel.REFERRER_GROUP, walkIn ? "health-check-nurse" : "te-coordinator");
      carried.put(TeReferralModel.REFERRER_AGENCY, walkIn ? Agency.SOTE.code() : Agency.TE.code());
      startReferral(runtimeService, checks, execution, carried);
    };
  }

  private static void startReferral(RuntimeService runtimeService, HealthCheckService checks,
      DelegateExecution execution, Map<String, Object> carried) {
    runtimeService.createMessageCorrelation(HealthCheckModel.MESSAGE_REFERRAL_REQUESTED)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariables(carried)
        .setVariable("referredBy", checks.requestedBy(execution.getProcessBusinessKey()))
        .setVariable("referralReason", "Työttömien terveystarkastus: työkykyyn liittyvä huoli")
        .setVariable("coordinatorQuestion", "Työkyvyn tuen kartoitus terveystarkastuksen jälkeen")
        .setVariable(TeReferralModel.WAY_IN, "health-check")
        .setVariable("partialWorkAbility", true)
        .setVariable("longTermUnemployed", false)
        .setVariable("unmappedHealthProblems", false)
        .setVariable("unclearOverallSituation", false)
        .setVariable("missingEducation", false)
        .setVariable("needsSeveralServices", false)
        .setVariable("employed", false)
        .correlateStartMessage();
  }
}
