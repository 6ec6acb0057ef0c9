package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.onward.OnwardReferralAccepted;
import fi.polku.onward.OnwardService;
import fi.polku.security.StaffGroup;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stage 1, entering the service: when a job coach accepts an onward referral to supported
 * employment, the path starts for the case (message {@code SupportedEmploymentReferralAccepted}),
 * in the same transaction as the acceptance. The coach who accepted is the responsible worker; an
 * acceptance by a system leaves the tasks to the job-coach group.
 */
@Component
class StartOnReferralAccepted {

  private final RuntimeService runtime;
  private final IdentityService identity;

  StartOnReferralAccepted(@Lazy RuntimeService runtime, @Lazy IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  @EventListener
  void accepted(OnwardReferralAccepted accepted) {
    if (accepted.service() != OnwardService.SUPPORTED_EMPLOYMENT) {
      return;
    }
    boolean coach = accepted.acceptedBy() != null && identity.createUserQuery().userId(accepted.acceptedBy())
        .memberOfGroup(StaffGroup.JOB_COACH.id()).count() > 0;
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_NUMBER, accepted.caseNumber());
    variables.put(ONWARD_REFERRAL_ID, accepted.onwardReferralId());
    variables.put(ENTRY_ROUTE, "onward-referral");
    variables.put(COACH, coach ? accepted.acceptedBy() : null);
    runtime.createMessageCorrelation(MESSAGE_REFERRAL_ACCEPTED).processInstanceBusinessKey(accepted.caseNumber())
        .setVariables(variables).correlateStartMessage();
  }
}
