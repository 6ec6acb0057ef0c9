package fi.polku.referral;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What path 1 recorded beside the engine, as the programme evaluation reads it: the team's
 * follow-on paths and the 3- and 6-month outcomes of referrals, counted over the referrals'
 * process instances (nothing per client leaves the module); and, for the evaluation's one pass over
 * the path instances, the database view {@link #evaluationView()} (migration V31) with
 * {@code process_instance_id} and {@code way_in}. The view is this module's; its tables are not.
 */
public interface ReferralRecords {

  /** The view's name (a method, not a constant, so the module check sees who reads it). */
  static String evaluationView() {
    return "referral_evaluation";
  }

  /** How many of the referrals' mappings chose each follow-on path (a mapping may choose several). */
  Map<String, Long> followOnPaths(Collection<String> processInstanceIds);

  /**
   * How many follow-ups of the referrals recorded this outcome with this satisfaction.
   *
   * @param months 3 or 6: the follow-up
   * @param outcome the outcome's code (employed, education, …)
   * @param satisfaction the client's satisfaction 0–10, or null when it was not asked
   */
  record OutcomeCount(int months, String outcome, Integer satisfaction, long count) {}

  /** The follow-ups of the referrals, counted by months, outcome and satisfaction. */
  List<OutcomeCount> outcomes(Collection<String> processInstanceIds);
}
