package fi.polku.referral;

import fi.polku.cases.ProcessValues;
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

  private final FollowOnReferrals followOnReferrals;

  RecordMappingDelegate(ReferralService referrals, java.time.Clock clock, FollowOnReferrals followOnReferrals) {
    this.referrals = referrals;
    this.clock = clock;
    this.followOnReferrals = followOnReferrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long referralId = (Long) execution.getVariable(TeReferralModel.REFERRAL_ID);
    referrals.recordMapping(referralId, paths(execution.getVariable(TeReferralModel.FOLLOW_ON_PATHS)),
        String.valueOf(execution.getVariable(TeReferralModel.CASE_MANAGER)),
        (String) execution.getVariable(TeReferralModel.WHODAS_FLAG),
        ProcessValues.integer(execution, TeReferralModel.WHODAS_SUM),
        "process:" + execution.getCurrentActivityId());
    referrals.changeStatus(referralId, ReferralStatus.IN_PROGRESS, "Työkyvyn tuen kartoitus tehty",
        "process:" + execution.getCurrentActivityId());
    // Each follow-on path with a receiver becomes an onward referral (issue 15); the sender's tasks
    // go to the case's responsible worker (the case manager just named). The follow-ups show where each stands.
    List<Long> onward = followOnReferrals.request(execution.getProcessBusinessKey(),
        paths(execution.getVariable(TeReferralModel.FOLLOW_ON_PATHS)));
    execution.setVariable(TeReferralModel.MAPPING_ONWARD_REFERRAL_IDS,
        String.join(",", onward.stream().map(String::valueOf).toList()));
    // Both follow-ups count from here (Timer_FollowUp6 reads it).
    execution.setVariable(TeReferralModel.MAPPED_AT, clock.instant().toString());
    // The sote centre's own findings served the counsellor and the team; they leave the variables
    // before the plan branch gives the referrer a task in this instance (measurements stay in our table).
    SOTE_ONLY.forEach(execution::removeVariable);
  }

  /** Health content the sote centre used for the mapping and that is no one else's to read. */
  static final java.util.List<String> SOTE_ONLY = java.util.stream.Stream.concat(
      java.util.stream.Stream.of(TeReferralModel.HEALTH_CHECK_FINDINGS, TeReferralModel.HEALTH_CHECK_KYKYVIISARI,
          "investigationResults", "initialInterviewNotes", "benefitsAdviceNotes", "kykyviisariScore"),
      java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(item -> "whodas" + item)).toList();

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
