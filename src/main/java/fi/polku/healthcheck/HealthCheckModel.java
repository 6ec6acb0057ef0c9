package fi.polku.healthcheck;

import fi.polku.cases.ModelName;

/** Ids and variable names of processes/health-check-invitation.bpmn, for delegates and tests. */
public final class HealthCheckModel {

  public static final String PROCESS_KEY = ModelName.of("health-check-invitation");
  /** The message by which a booking from the appointment system reaches the waiting invitation. */
  public static final String MESSAGE_BOOKED = ModelName.of("HealthCheckBooked");
  /**
   * The message by which an invitation round's row, screened and with its case opened by
   * {@link HealthCheckIntake}, starts the path (StartEvent_RequestedViaApi).
   */
  public static final String MESSAGE_REQUESTED = ModelName.of("HealthCheckRequested");

  public static final String HEALTH_CHECK_ID = ModelName.of("healthCheckId");
  public static final String CASE_NUMBER = ModelName.of("caseNumber");
  public static final String REQUESTED_BY = ModelName.of("requestedBy");
  public static final String WAY_IN = ModelName.of("wayIn");
  public static final String REFERRAL_REASON = ModelName.of("referralReason");
  /** The eligibility decision's answer, taken by the intake before the case is opened. */
  public static final String ELIGIBLE = ModelName.of("eligible");
  public static final String ELIGIBILITY_REASON = ModelName.of("eligibilityReason");
  public static final String PRIORITY = ModelName.of("priority");
  public static final String CLIENT_DECLINED = ModelName.of("clientDeclined");
  public static final String ATTENDED = ModelName.of("attended");
  public static final String MISSED_APPOINTMENTS = ModelName.of("missedAppointments");
  /** The heaviest route (the first the routing decision gives), kept for the evaluation. */
  public static final String ROUTE = ModelName.of("route");
  /** Every route the routing decision gave, comma-separated in the table's order. */
  public static final String ROUTES = ModelName.of("routes");
  /** Whether one of the routes is the work-ability team (te-referral for the same case). */
  public static final String TO_WORK_ABILITY_TEAM = ModelName.of("toWorkAbilityTeam");
  /** Whether one of the routes is an onward referral (physician, specialist care, rehabilitation assessment). */
  public static final String REFER_ONWARD = ModelName.of("referOnward");
  /** The onward referrals to request, a Json list of route, service and reason. */
  public static final String ONWARD_ROUTES = ModelName.of("onwardRoutes");
  /** The routing decision's rows as Task_Route (a business-rule task) gives them to Task_RecordRoutes. */
  public static final String ROUTING_RESULTS = ModelName.of("routingResults");
  public static final String APPOINTMENT_AT = ModelName.of("appointmentAt");
  public static final String APPOINTMENT_PLACE = ModelName.of("appointmentPlace");

  /** Screens a request: the intake takes it once, before the case is opened (HealthCheckIntake). */
  public static final String DECISION_ELIGIBILITY = ModelName.of("health-check-eligibility");
  /** Routes a checked client (hit policy COLLECT): the business-rule task Task_Route. */
  public static final String DECISION_ROUTING = ModelName.of("health-check-routing");

  public static final String START_FORM = ModelName.of("StartEvent_CheckRequested");
  public static final String START_VIA_API = ModelName.of("StartEvent_RequestedViaApi");
  public static final String TASK_REGISTER = ModelName.of("Task_RegisterHealthCheck");
  public static final String TASK_ROUTE = ModelName.of("Task_Route");
  public static final String TASK_RECORD_ROUTES = ModelName.of("Task_RecordRoutes");
  public static final String TASK_RECORD_BOOKING = ModelName.of("Task_RecordBooking");
  public static final String TIMER_REMINDER = ModelName.of("Timer_Reminder");
  public static final String TIMER_UNANSWERED = ModelName.of("Timer_Unanswered");
  public static final String TASK_SEND_INVITATION = ModelName.of("Task_SendInvitation");
  public static final String TASK_SEND_REMINDER = ModelName.of("Task_SendReminder");
  public static final String TASK_HEALTH_CHECK = ModelName.of("Task_HealthCheck");
  public static final String TASK_NOTIFY_UNANSWERED = ModelName.of("Task_NotifyUnanswered");
  public static final String TASK_NOTIFY_EMPLOYMENT_SERVICES = ModelName.of("Task_NotifyEmploymentServices");
  public static final String TASK_START_REFERRAL = ModelName.of("Task_StartReferral");
  public static final String TASK_REQUEST_ONWARD_REFERRALS = ModelName.of("Task_RequestOnwardReferrals");
  public static final String TASK_NOTIFY_NOT_ELIGIBLE = ModelName.of("Task_NotifyNotEligible");
  public static final String TASK_NOTIFY_DECLINED = ModelName.of("Task_NotifyDeclined");

  public static final String END_HEALTH_PLAN_MADE = ModelName.of("EndEvent_HealthPlanMade");
  /** Onward referrals requested (physician, specialist care, rehabilitation-need assessment). */
  public static final String END_REFERRED_ONWARD = ModelName.of("EndEvent_ReferredOnward");
  /** Sent to the work-ability team: te-referral started for the same case. */
  public static final String END_REFERRED_TO_TEAM = ModelName.of("EndEvent_ReferredToTeam");
  public static final String END_UNANSWERED = ModelName.of("EndEvent_Unanswered");
  public static final String END_DECLINED = ModelName.of("EndEvent_Declined");
  public static final String END_NOT_ELIGIBLE = ModelName.of("EndEvent_NotEligible");

  private HealthCheckModel() {}
}
