package fi.polku.handover;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.referral.TeReferralModel;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The last of path 3's steps still defined as a {@code @Bean} lambda: the referral onwards to
 * path 1, which moves to its own class with the typed referral contract (issue 14). Every other
 * step of oh-handover.bpmn is a class named after its bean.
 */
@Configuration
class HandoverDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(HandoverDelegates.class);

  /**
   * Starts path 1 for the same case by a message — if the hand-over consent is still in force, since
   * a withdrawal stops every later hand-over.
   */
  @Bean
  JavaDelegate startReferralFromHandoverDelegate(RuntimeService runtimeService, ConsentService consents) {
    return execution -> {
      String caseNumber = execution.getProcessBusinessKey();
      if (!consents.allows(caseNumber, Agency.OH, Agency.TE, ConsentScope.PLAN,
          "process:oh-handover/" + execution.getCurrentActivityId(), "referral onwards from the hand-over")) {
        LOG.info("Case {}: hand-over consent withdrawn, no referral onwards", caseNumber);
        return;
      }
      runtimeService.createMessageCorrelation(OhHandoverModel.MESSAGE_REFERRAL_REQUESTED)
          .processInstanceBusinessKey(caseNumber)
          .setVariable("referredBy", execution.hasVariable("takenOverBy") && execution.getVariable("takenOverBy") != null ? text(execution, "takenOverBy") : "te-coordinator")
          .setVariable("referralReason", "Työterveyshuollon siirto työsuhteen päättyessä"
              + (text(execution, "followOnNote") == null ? "" : ": " + text(execution, "followOnNote")))
          .setVariable("coordinatorQuestion", "Työkyvyn tuen kartoitus työterveyshuollon laajennetun terveystarkastuksen jälkeen")
          .setVariable(TeReferralModel.WAY_IN, "oh-handover")
          .setVariable("partialWorkAbility", true)
          .setVariable("longTermUnemployed", false)
          .setVariable("unmappedHealthProblems", false)
          .setVariable("unclearOverallSituation", false)
          .setVariable("missingEducation", false)
          .setVariable("needsSeveralServices", false)
          .setVariable("employed", false)
          .correlateStartMessage();
    };
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
