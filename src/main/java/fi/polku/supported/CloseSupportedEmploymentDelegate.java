package fi.polku.supported;

import static fi.polku.supported.SupportedEmploymentModel.*;

import fi.polku.onward.OnwardReferrals;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Every end state of the path (field endState): the coaching is closed with it, and the onward
 * referral that brought the client is completed with feedback to its sender: how the coaching ended
 * and how many employer contacts and jobs it had, never health data. A client who declined or was
 * never reached makes it "failed" (the service did not take place).
 */
@Component("closeSupportedEmploymentDelegate")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class CloseSupportedEmploymentDelegate implements ExecutionListener {

  static final Map<String, String> END_STATES = Map.of(
      "employed", "Työllistynyt – tuki päättyi sovitusti",
      "education", "Siirtyi opiskelemaan",
      "other-service", "Siirtynyt toiseen palveluun",
      "client-ended", "Asiakas lopetti valmennuksen",
      "unreachable", "Asiakasta ei tavoitettu",
      "declined", "Asiakas ei halunnut valmennusta");

  private static final Set<String> NOT_TAKEN_PLACE = Set.of("declined", "unreachable");

  private final SupportedEmployments coachings;
  private final OnwardReferrals referrals;

  private Expression endState;

  CloseSupportedEmploymentDelegate(SupportedEmployments coachings, OnwardReferrals referrals) {
    this.coachings = coachings;
    this.referrals = referrals;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String state = (String) endState.getValue(execution);
    long id = Steps.coachingId(execution);
    coachings.close(id, state);
    SupportedEmployments.Coaching coaching = coachings.get(id);
    if (coaching.onwardReferralId() != null) {
      String feedback = "Tuettu työllistyminen (IPS) päättyi: " + END_STATES.get(state) + ". Työnantajakontakteja "
          + coachings.contactCount(id) + ".";
      referrals.complete(coaching.onwardReferralId(), !NOT_TAKEN_PLACE.contains(state), feedback,
          "process:" + PROCESS_KEY);
    }
  }

  public void setEndState(Expression endState) {
    this.endState = endState;
  }
}
