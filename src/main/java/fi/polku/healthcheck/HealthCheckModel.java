package fi.polku.healthcheck;

/** Ids and variable names of processes/health-check-invitation.bpmn, for delegates and tests. */
public final class HealthCheckModel {

  public static final String PROCESS_KEY = "health-check-invitation";
  /** The message by which a booking from the appointment system reaches the waiting invitation. */
  public static final String MESSAGE_BOOKED = "HealthCheckBooked";
  /**
   * The message by which an invitation round's row, screened and with its case opened by
   * {@link HealthCheckIntake}, starts the path (StartEvent_RequestedViaApi).
   */
  public static final String MESSAGE_REQUESTED = "HealthCheckRequested";

  public static final String HEALTH_CHECK_ID = "healthCheckId";
  public static final String CASE_NUMBER = "caseNumber";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String WAY_IN = "wayIn";
  public static final String REFERRAL_REASON = "referralReason";
  /** The eligibility decision's answer, taken by the intake before the case is opened. */
  public static final String ELIGIBLE = "eligible";
  public static final String ELIGIBILITY_REASON = "eligibilityReason";
  public static final String PRIORITY = "priority";
  public static final String CLIENT_DECLINED = "clientDeclined";
  public static final String ATTENDED = "attended";
  public static final String MISSED_APPOINTMENTS = "missedAppointments";
  /** The heaviest route (the first the routing decision gives), kept for the evaluation. */
  public static final String ROUTE = "route";
  /** Every route the routing decision gave, comma-separated in the table's order. */
  public static final String ROUTES = "routes";
  /** Whether one of the routes is the work-ability team (te-referral for the same case). */
  public static final String TO_WORK_ABILITY_TEAM = "toWorkAbilityTeam";
  /** Whether one of the routes is an onward referral (physician, specialist care, rehabilitation assessment). */
  public static final String REFER_ONWARD = "referOnward";
  /** The onward referrals to request, a Json list of route, service and reason. */
  public static final String ONWARD_ROUTES = "onwardRoutes";
  /** The routing decision's rows as Task_Route (a business-rule task) gives them to Task_RecordRoutes. */
  public static final String ROUTING_RESULTS = "routingResults";
  public static final String APPOINTMENT_AT = "appointmentAt";
  public static final String APPOINTMENT_PLACE = "appointmentPlace";

  /** Screens a request: the intake takes it once, before the case is opened (HealthCheckIntake). */
  public static final String DECISION_ELIGIBILITY = "health-check-eligibility";
  /** Routes a checked client (hit policy COLLECT): the business-rule task Task_Route. */
  public static final String DECISION_ROUTING = "health-check-routing";

  public static final String START_FORM = "StartEvent_CheckRequested";
  public static final String START_VIA_API = "StartEvent_RequestedViaApi";
  public static final String TASK_REGISTER = "Task_RegisterHealthCheck";
  public static final String TASK_ROUTE = "Task_Route";
  public static final String TASK_RECORD_ROUTES = "Task_RecordRoutes";
  public static final String TASK_RECORD_BOOKING = "Task_RecordBooking";
  public static final String TIMER_REMINDER = "Timer_Reminder";
  public static final String TIMER_UNANSWERED = "Timer_Unanswered";
  public static final String TASK_SEND_INVITATION = "Task_SendInvitation";
  public static final String TASK_SEND_REMINDER = "Task_SendReminder";
  public static final String TASK_HEALTH_CHECK = "Task_HealthCheck";
  public static final String TASK_NOTIFY_UNANSWERED = "Task_NotifyUnanswered";
  public static final String TASK_NOTIFY_EMPLOYMENT_SERVICES = "Task_NotifyEmploymentServices";
  public static final String TASK_START_REFERRAL = "Task_StartReferral";
  public static final String TASK_REQUEST_ONWARD_REFERRALS = "Task_RequestOnwardReferrals";
  public static final String TASK_NOTIFY_NOT_ELIGIBLE = "Task_NotifyNotEligible";
  public static final String TASK_NOTIFY_DECLINED = "Task_NotifyDeclined";

  public static final String END_HEALTH_PLAN_MADE = "EndEvent_HealthPlanMade";
  /** Onward referrals requested (physician, specialist care, rehabilitation-need assessment). */
  public static final String END_REFERRED_ONWARD = "EndEvent_ReferredOnward";
  /** Sent to the work-ability team: te-referral started for the same case. */
  public static final String END_REFERRED_TO_TEAM = "EndEvent_ReferredToTeam";
  public static final String END_UNANSWERED = "EndEvent_Unanswered";
  public static final String END_DECLINED = "EndEvent_Declined";
  public static final String END_NOT_ELIGIBLE = "EndEvent_NotEligible";

  private HealthCheckModel() {}
}
