package fi.polku.referral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** Records the team's follow-on paths and case manager for the evaluation; the referral is now in progress. */
@Component("recordMappingDelegate")
class RecordMappingDelegate implements JavaDelegate {

  private final ReferralService referrals;

  private final java.time.Clock clock;

  RecordMappingDelegate(ReferralService referrals, java.time.Clock clock) {
    this.referrals = referrals;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long referralId = (Long) execution.getVariable(TeReferralModel.REFERRAL_ID);
    Object whodasSum = execution.getVariable(TeReferralModel.WHODAS_SUM);
    referrals.recordMapping(referralId, paths(execution.getVariable(TeReferralModel.FOLLOW_ON_PATHS)),
        String.valueOf(execution.getVariable(TeReferralModel.CASE_MANAGER)),
        (String) execution.getVariable(TeReferralModel.WHODAS_FLAG),
        whodasSum instanceof Number number ? number.intValue() : null,
        "process:" + execution.getCurrentActivityId());
    referrals.changeStatus(referralId, ReferralStatus.IN_PROGRESS, "Työkyvyn tuen kartoitus tehty",
        "process:" + execution.getCurrentActivityId());
    // Both follow-ups count from here (Timer_FollowUp6 reads it).
    execution.setVariable(TeReferralModel.MAPPED_AT, clock.instant().toString());
  }

  /** The checklist's picks: Tasklist sends a checklist as a Json array of the chosen values. */
  static List<String> paths(Object value) {
    List<String> paths = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(path -> paths.add(path.stringValue()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(path -> paths.add(String.valueOf(path)));
    } else if (value != null) {
      throw new IllegalArgumentException("followOnPaths is not a checklist's list but a " + value.getClass().getSimpleName());
    }
    return paths;
  }
}
