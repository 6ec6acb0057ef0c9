package fi.polku.referral;

/** Ids and variable names of processes/te-referral.bpmn, for delegates and tests. */
public final class TeReferralModel {

  public static final String PROCESS_KEY = "te-referral";

  /**
   * The message that starts path 1 for a case (start event {@link #START_REQUESTED}). Send it only
   * through {@link ReferralIntake}: the API and the other paths do.
   */
  public static final String MESSAGE_REFERRAL_REQUESTED = "ReferralRequested";

  // Variables (kept lean: ids, the case number, and what gateways and forms need).
  public static final String REFERRAL_ID = "referralId";
  public static final String CASE_NUMBER = "caseNumber";
  public static final String REFERRED_BY = "referredBy";
  /** Why the client is referred (the start form's field). */
  public static final String REFERRAL_REASON = "referralReason";
  /** What the referrer asks the team (the start form's field). */
  public static final String COORDINATOR_QUESTION = "coordinatorQuestion";
  public static final String CONSENT_IN_FORCE = "consentInForce";
  public static final String PLAN_CONSENT_IN_FORCE = "planConsentInForce";
  public static final String TRIAGE_PROPOSAL = "triageProposal";
  public static final String TRIAGE_REASON = "triageReason";
  public static final String TRIAGE_DECISION = "triageDecision";
  public static final String CLIENT_DECLINED = "clientDeclined";
  public static final String CLIENT_GOAL = "clientGoal";
  public static final String CLIENT_MOTIVATION = "clientMotivation";
  public static final String WHODAS_FLAG = "whodasFlag";
  public static final String WHODAS_SUM = "whodasSum";
  /** True when the client has a WHODAS measurement recent enough not to ask again (polku.referral.whodas-valid-for). */
  public static final String WHODAS_RECENT = "whodasRecent";
  /** The date of that measurement, as the counsellor reads it. */
  public static final String WHODAS_MEASURED_ON = "whodasMeasuredOn";
  /** Ticked by the counsellor who asks the twelve questions again despite a recent measurement. */
  public static final String WHODAS_REMEASURE = "whodasRemeasure";
  /** The health check's findings, carried when the check routed the client to the team. */
  public static final String HEALTH_CHECK_FINDINGS = "healthCheckFindings";
  /** The health check's Kykyviisari score, carried with the findings. */
  public static final String HEALTH_CHECK_KYKYVIISARI = "healthCheckKykyviisari";
  public static final String APPOINTMENT_AT = "appointmentAt";
  public static final String APPOINTMENT_PLACE = "appointmentPlace";
  public static final String APPOINTMENT_KIND = "appointmentKind";
  public static final String APPOINTMENT_ATTENDED = "appointmentAttended";
  public static final String MISSED_APPOINTMENTS = "missedAppointments";
  /** How many times a time was booked for the client: each booking's invitation and reminder go out once. */
  public static final String BOOKINGS = "bookings";
  /** The team's answer that the client asked for a new time (not a missed appointment). */
  public static final String RESCHEDULE_REQUESTED = "rescheduleRequested";
  /** How many times the client asked for a new time. */
  public static final String RESCHEDULED_APPOINTMENTS = "rescheduledAppointments";
  public static final String FOLLOW_ON_PATHS = "followOnPaths";
  public static final String CASE_MANAGER = "caseManager";
  /** When the team recorded the mapping (ISO-8601): the 6-month follow-up counts from it. */
  public static final String MAPPED_AT = "mappedAt";
  /** The agency whose information the referral carries to the sote centre: {@code te}, or {@code sote} from the health check. */
  public static final String REFERRAL_FROM_AGENCY = "referralFromAgency";
  /** The referrer's agency, to which the plan goes back: {@code te}, or {@code sote} for a nurse's referral. */
  public static final String REFERRER_AGENCY = "referrerAgency";
  /** The referrer's group, whose members review the plan: {@code te-coordinator} or {@code health-check-nurse}. */
  public static final String REFERRER_GROUP = "referrerGroup";
  public static final String TASK_REVIEW_PLAN_IN_SOTE = "Task_ReviewPlanInSote";
  /** The door the referral came in by: {@code api}, {@code tasklist}, {@code health-check} or {@code oh-handover}. */
  public static final String WAY_IN = "referralWayIn";
  /** The onward referral to specialist care a red flag made; the path waits for it to end. */
  public static final String SPECIALIST_CARE_REFERRAL_ID = "specialistCareReferralId";
  /** How it ended: {@code returned} (feedback reviewed), or given-to-client, sent-elsewhere, closed-with-reason, cancelled. */
  public static final String SPECIALIST_CARE_OUTCOME = "specialistCareOutcome";
  /** The counsellor's choice after the return: {@code team} or {@code close}. */
  public static final String AFTER_SPECIALIST_CARE = "afterSpecialistCare";
  public static final String SPECIALIST_CARE_CLOSE_REASON = "specialistCareCloseReason";
  /** The ids of the onward referrals the mapping's follow-on paths made, comma-separated. */
  public static final String MAPPING_ONWARD_REFERRAL_IDS = "mappingOnwardReferralIds";
  /** The follow-up forms' read-only list of the mapping's onward referrals and where each stands. */
  public static final String ONWARD_REFERRALS_STATE = "onwardReferralsState";
  public static final String MESSAGE_SPECIALIST_CARE_CLOSED = "SpecialistCareReferralClosed";

  // Activities.
  public static final String START = "StartEvent_ReferralReceived";
  /** The message start: every referral but the Tasklist start form's comes in here. */
  public static final String START_REQUESTED = "StartEvent_ReferralRequested";
  public static final String TASK_REGISTER_REFERRAL = "Task_RegisterReferral";
  public static final String TASK_PROPOSE_TRIAGE = "Task_ProposeTriage";
  public static final String TASK_CONFIRM_TRIAGE = "Task_ConfirmTriage";
  public static final String TIMER_TRIAGE_SLA = "Timer_TriageSla";
  public static final String TASK_ESCALATE_TRIAGE = "Task_EscalateTriage";
  public static final String TASK_BOOK_APPOINTMENT = "Task_BookAppointment";
  public static final String TASK_SEND_INVITATION = "Task_SendInvitation";
  public static final String TIMER_APPOINTMENT_REMINDER = "Timer_AppointmentReminder";
  public static final String TASK_SEND_REMINDER = "Task_SendReminder";
  public static final String TASK_MAP_WORK_ABILITY = "Task_MapWorkAbility";
  public static final String TASK_RECORD_INVESTIGATION_RESULTS = "Task_RecordInvestigationResults";
  public static final String TASK_RECORD_MAPPING = "Task_RecordMapping";
  public static final String TASK_REVIEW_PLAN = "Task_ReviewPlan";
  public static final String TIMER_FOLLOW_UP_3 = "Timer_FollowUp3";
  public static final String TASK_FOLLOW_UP_3 = "Task_FollowUp3";
  public static final String TIMER_FOLLOW_UP_6 = "Timer_FollowUp6";
  public static final String TASK_FOLLOW_UP_6 = "Task_FollowUp6";
  public static final String GATEWAY_JOIN_FOLLOW_UP = "Gateway_JoinFollowUp";
  public static final String TASK_NOTIFY_SPECIALIST_CARE = "Task_NotifySpecialistCare";
  public static final String EVENT_SPECIALIST_CARE_CLOSED = "Event_SpecialistCareClosed";
  public static final String TASK_DECIDE_AFTER_SPECIALIST_CARE = "Task_DecideAfterSpecialistCare";

  // End states.
  public static final String END_PLAN_DELIVERED = "EndEvent_PlanDeliveredFollowedUp";
  public static final String END_RETURNED_NO_CONSENT = "EndEvent_ReturnedNoConsent";
  public static final String END_RETURNED_NOT_FOR_TEAM = "EndEvent_ReturnedNotForTeam";
  public static final String END_CLOSED_AFTER_SPECIALIST_CARE = "EndEvent_ClosedAfterSpecialistCare";
  public static final String END_SPECIALIST_CARE_ENDED = "EndEvent_SpecialistCareReferralEnded";
  public static final String END_CLIENT_DECLINED = "EndEvent_ClientDeclined";
  public static final String END_CLIENT_UNREACHABLE = "EndEvent_ClientUnreachable";
  public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";

  private TeReferralModel() {}
}
