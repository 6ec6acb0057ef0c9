package fi.polku.referral;

import fi.polku.cases.ModelName;

/** Ids and variable names of processes/te-referral.bpmn, for delegates and tests. */
public final class TeReferralModel {

  public static final String PROCESS_KEY = ModelName.of("te-referral");

  /**
   * The message that starts path 1 for a case (start event {@link #START_REQUESTED}). Send it only
   * through {@link ReferralIntake}: the API and the other paths do.
   */
  public static final String MESSAGE_REFERRAL_REQUESTED = ModelName.of("ReferralRequested");

  // Variables (kept lean: ids, the case number, and what gateways and forms need).
  public static final String REFERRAL_ID = ModelName.of("referralId");
  public static final String CASE_NUMBER = ModelName.of("caseNumber");
  public static final String REFERRED_BY = ModelName.of("referredBy");
  /** Why the client is referred (the start form's field). */
  public static final String REFERRAL_REASON = ModelName.of("referralReason");
  /** What the referrer asks the team (the start form's field). */
  public static final String COORDINATOR_QUESTION = ModelName.of("coordinatorQuestion");
  public static final String CONSENT_IN_FORCE = ModelName.of("consentInForce");
  public static final String PLAN_CONSENT_IN_FORCE = ModelName.of("planConsentInForce");
  public static final String TRIAGE_PROPOSAL = ModelName.of("triageProposal");
  public static final String TRIAGE_REASON = ModelName.of("triageReason");
  public static final String TRIAGE_DECISION = ModelName.of("triageDecision");
  public static final String CLIENT_DECLINED = ModelName.of("clientDeclined");
  public static final String CLIENT_GOAL = ModelName.of("clientGoal");
  public static final String CLIENT_MOTIVATION = ModelName.of("clientMotivation");
  public static final String WHODAS_FLAG = ModelName.of("whodasFlag");
  public static final String WHODAS_SUM = ModelName.of("whodasSum");
  /** True when the client has a WHODAS measurement recent enough not to ask again (polku.referral.whodas-valid-for). */
  public static final String WHODAS_RECENT = ModelName.of("whodasRecent");
  /** The date of that measurement, as the counsellor reads it. */
  public static final String WHODAS_MEASURED_ON = ModelName.of("whodasMeasuredOn");
  /** Ticked by the counsellor who asks the twelve questions again despite a recent measurement. */
  public static final String WHODAS_REMEASURE = ModelName.of("whodasRemeasure");
  /** The health check's findings, carried when the check routed the client to the team. */
  public static final String HEALTH_CHECK_FINDINGS = ModelName.of("healthCheckFindings");
  /** The health check's Kykyviisari score, carried with the findings. */
  public static final String HEALTH_CHECK_KYKYVIISARI = ModelName.of("healthCheckKykyviisari");
  public static final String APPOINTMENT_AT = ModelName.of("appointmentAt");
  public static final String APPOINTMENT_PLACE = ModelName.of("appointmentPlace");
  public static final String APPOINTMENT_KIND = ModelName.of("appointmentKind");
  public static final String APPOINTMENT_ATTENDED = ModelName.of("appointmentAttended");
  public static final String MISSED_APPOINTMENTS = ModelName.of("missedAppointments");
  /** How many times a time was booked for the client: each booking's invitation and reminder go out once. */
  public static final String BOOKINGS = ModelName.of("bookings");
  /** The team's answer that the client asked for a new time (not a missed appointment). */
  public static final String RESCHEDULE_REQUESTED = ModelName.of("rescheduleRequested");
  /** How many times the client asked for a new time. */
  public static final String RESCHEDULED_APPOINTMENTS = ModelName.of("rescheduledAppointments");
  public static final String FOLLOW_ON_PATHS = ModelName.of("followOnPaths");
  public static final String CASE_MANAGER = ModelName.of("caseManager");
  /** When the team recorded the mapping (ISO-8601): the 6-month follow-up counts from it. */
  public static final String MAPPED_AT = ModelName.of("mappedAt");
  /** The agency whose information the referral carries to the sote centre: {@code te}, or {@code sote} from the health check. */
  public static final String REFERRAL_FROM_AGENCY = ModelName.of("referralFromAgency");
  /** The referrer's agency, to which the plan goes back: {@code te}, or {@code sote} for a nurse's referral. */
  public static final String REFERRER_AGENCY = ModelName.of("referrerAgency");
  /** The referrer's group, whose members review the plan: {@code te-coordinator} or {@code health-check-nurse}. */
  public static final String REFERRER_GROUP = ModelName.of("referrerGroup");
  public static final String TASK_REVIEW_PLAN_IN_SOTE = ModelName.of("Task_ReviewPlanInSote");
  /** The door the referral came in by: {@code api}, {@code tasklist}, {@code health-check} or {@code oh-handover}. */
  public static final String WAY_IN = ModelName.of("referralWayIn");
  /** The onward referral to specialist care a red flag made; the path waits for it to end. */
  public static final String SPECIALIST_CARE_REFERRAL_ID = ModelName.of("specialistCareReferralId");
  /** How it ended: {@code returned} (feedback reviewed), or given-to-client, sent-elsewhere, closed-with-reason, cancelled. */
  public static final String SPECIALIST_CARE_OUTCOME = ModelName.of("specialistCareOutcome");
  /** The counsellor's choice after the return: {@code team} or {@code close}. */
  public static final String AFTER_SPECIALIST_CARE = ModelName.of("afterSpecialistCare");
  public static final String SPECIALIST_CARE_CLOSE_REASON = ModelName.of("specialistCareCloseReason");
  /** The ids of the onward referrals the mapping's follow-on paths made, comma-separated. */
  public static final String MAPPING_ONWARD_REFERRAL_IDS = ModelName.of("mappingOnwardReferralIds");
  /** The follow-up forms' read-only list of the mapping's onward referrals and where each stands. */
  public static final String ONWARD_REFERRALS_STATE = ModelName.of("onwardReferralsState");
  public static final String MESSAGE_SPECIALIST_CARE_CLOSED = ModelName.of("SpecialistCareReferralClosed");

  // Activities.
  public static final String START = ModelName.of("StartEvent_ReferralReceived");
  /** The message start: every referral but the Tasklist start form's comes in here. */
  public static final String START_REQUESTED = ModelName.of("StartEvent_ReferralRequested");
  public static final String TASK_REGISTER_REFERRAL = ModelName.of("Task_RegisterReferral");
  public static final String TASK_PROPOSE_TRIAGE = ModelName.of("Task_ProposeTriage");
  public static final String TASK_CONFIRM_TRIAGE = ModelName.of("Task_ConfirmTriage");
  public static final String TIMER_TRIAGE_SLA = ModelName.of("Timer_TriageSla");
  public static final String TASK_ESCALATE_TRIAGE = ModelName.of("Task_EscalateTriage");
  public static final String TASK_BOOK_APPOINTMENT = ModelName.of("Task_BookAppointment");
  public static final String TASK_SEND_INVITATION = ModelName.of("Task_SendInvitation");
  public static final String TIMER_APPOINTMENT_REMINDER = ModelName.of("Timer_AppointmentReminder");
  public static final String TASK_SEND_REMINDER = ModelName.of("Task_SendReminder");
  public static final String TASK_MAP_WORK_ABILITY = ModelName.of("Task_MapWorkAbility");
  public static final String TASK_RECORD_INVESTIGATION_RESULTS = ModelName.of("Task_RecordInvestigationResults");
  public static final String TASK_RECORD_MAPPING = ModelName.of("Task_RecordMapping");
  public static final String TASK_REVIEW_PLAN = ModelName.of("Task_ReviewPlan");
  public static final String TIMER_FOLLOW_UP_3 = ModelName.of("Timer_FollowUp3");
  public static final String TASK_FOLLOW_UP_3 = ModelName.of("Task_FollowUp3");
  public static final String TIMER_FOLLOW_UP_6 = ModelName.of("Timer_FollowUp6");
  public static final String TASK_FOLLOW_UP_6 = ModelName.of("Task_FollowUp6");
  public static final String GATEWAY_JOIN_FOLLOW_UP = ModelName.of("Gateway_JoinFollowUp");
  public static final String TASK_NOTIFY_SPECIALIST_CARE = ModelName.of("Task_NotifySpecialistCare");
  public static final String EVENT_SPECIALIST_CARE_CLOSED = ModelName.of("Event_SpecialistCareClosed");
  public static final String TASK_DECIDE_AFTER_SPECIALIST_CARE = ModelName.of("Task_DecideAfterSpecialistCare");

  // End states.
  public static final String END_PLAN_DELIVERED = ModelName.of("EndEvent_PlanDeliveredFollowedUp");
  public static final String END_RETURNED_NO_CONSENT = ModelName.of("EndEvent_ReturnedNoConsent");
  public static final String END_RETURNED_NOT_FOR_TEAM = ModelName.of("EndEvent_ReturnedNotForTeam");
  public static final String END_CLOSED_AFTER_SPECIALIST_CARE = ModelName.of("EndEvent_ClosedAfterSpecialistCare");
  public static final String END_SPECIALIST_CARE_ENDED = ModelName.of("EndEvent_SpecialistCareReferralEnded");
  public static final String END_CLIENT_DECLINED = ModelName.of("EndEvent_ClientDeclined");
  public static final String END_CLIENT_UNREACHABLE = ModelName.of("EndEvent_ClientUnreachable");
  public static final String END_ESCALATION_HANDLED = ModelName.of("EndEvent_EscalationHandled");

  private TeReferralModel() {}
}
