package fi.polku.responsible;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which steps of which paths name the responsible worker, which tasks belong to the case and go
 * to that worker, and from whom a case manager is chosen. Kept here, by process key and activity
 * id, so the models say nothing about it (ResponsibilityRulesTest checks every id against the
 * models). service-paths.md, "The people and their groups"; the named responsible worker of the
 * programme (Vaasan loppuraportti, Keski-Suomen hankesuunnitelma §2.2.4).
 */
final class ResponsibilityRules {

  /** The variable a form's case-manager select writes: the chosen user's id. */
  static final String CASE_MANAGER = "caseManager";

  /** The task variable with the users a case-manager select offers (form-js {@code valuesKey}). */
  static final String CASE_MANAGER_OPTIONS = "caseManagerOptions";

  /**
   * A step that makes someone responsible when it is completed (a user task) or ends (an
   * automatic step).
   *
   * @param userVariable the variable naming the person; null for the user who completed the task
   */
  record Intake(String processKey, String activityId, Reason reason, String userVariable) {}

  /**
   * A task that belongs to the case.
   *
   * @param always assigned to the responsible worker whatever their group; otherwise only when
   *     they are in one of the task's candidate groups (a review that is the referrer's to do
   *     stays with the referrer's group unless the case manager is one of them)
   */
  record CaseTask(String processKey, String activityId, boolean always) {}

  static final List<Intake> INTAKES = List.of(
      // Path 1: the counsellor who confirms the triage, then the case manager the team agrees.
      new Intake("te-referral", "Task_ConfirmTriage", Reason.TRIAGE, null),
      new Intake("te-referral", "Task_MapWorkAbility", Reason.MAPPING, CASE_MANAGER),
      // Path 2: the nurse who books and then holds the health check.
      new Intake("health-check-invitation", "Task_RecordBooking", Reason.HEALTH_CHECK_BOOKING, null),
      new Intake("health-check-invitation", "Task_HealthCheck", Reason.HEALTH_CHECK, null),
      // Path 3: the occupational-health professional who starts the hand-over (a Tasklist start;
      // a provider's system is nobody), or the first who works on it, then the coordinator.
      new Intake("oh-handover", "Task_RegisterHandover", Reason.HANDOVER_START, "startedBy"),
      new Intake("oh-handover", "Task_ExtendedHealthCheck", Reason.OCCUPATIONAL_HEALTH, null),
      new Intake("oh-handover", "Task_SendRehabilitationNotice", Reason.OCCUPATIONAL_HEALTH, null),
      new Intake("oh-handover", "Task_AskConsent", Reason.OCCUPATIONAL_HEALTH, null),
      new Intake("oh-handover", "Task_TakeOver", Reason.TAKE_OVER, CASE_MANAGER),
      // Path 4: the job coach, once the client agreed to work together and the profile is made,
      // is the client's named person while the coaching runs (IPS: one coach per client).
      new Intake("supported-employment", "Task_VocationalProfile", Reason.JOB_COACH, null));

  static final List<CaseTask> CASE_TASKS = List.of(
      new CaseTask("te-referral", "Task_FollowUp3", true),
      new CaseTask("te-referral", "Task_FollowUp6", true),
      new CaseTask("te-referral", "Task_ReviewPlan", false),
      new CaseTask("te-referral", "Task_ReviewPlanInSote", false),
      new CaseTask("te-referral", "Task_DecideAfterSpecialistCare", true),
      // Onward referrals: the sender's decisions and the answers that come back.
      new CaseTask("onward-referral", "Task_ObtainConsent", true),
      new CaseTask("onward-referral", "Task_DecideNext", true),
      new CaseTask("onward-referral", "Task_ReviewFeedback", true));

  /** Per form task, the groups whose members a case manager is chosen from. */
  static final Map<String, List<String>> CASE_MANAGER_GROUPS = Map.of(
      "te-referral/Task_MapWorkAbility", List.of("work-ability-team", "sote-counsellor", "te-coordinator"),
      "oh-handover/Task_TakeOver", List.of("te-coordinator"));

  /** The paths whose unit signs the client's mail about the case manager, in order of preference. */
  static final List<String> SIGNING_PATHS = List.of("te-referral", "oh-handover", "health-check-invitation");

  private ResponsibilityRules() {}

  static Optional<Intake> intake(String processKey, String activityId) {
    return INTAKES.stream().filter(rule -> rule.processKey().equals(processKey) && rule.activityId().equals(activityId))
        .findFirst();
  }

  static Optional<CaseTask> caseTask(String processKey, String activityId) {
    return CASE_TASKS.stream().filter(rule -> rule.processKey().equals(processKey) && rule.activityId().equals(activityId))
        .findFirst();
  }

  static List<String> caseManagerGroups(String processKey, String activityId) {
    return CASE_MANAGER_GROUPS.getOrDefault(processKey + "/" + activityId, List.of());
  }

  /** The process keys any rule names. */
  static Set<String> processKeys() {
    Set<String> keys = new java.util.TreeSet<>();
    INTAKES.forEach(rule -> keys.add(rule.processKey()));
    CASE_TASKS.forEach(rule -> keys.add(rule.processKey()));
    return keys;
  }
}
