package fi.polku.handover;

/** Ids and variable names of processes/oh-handover.bpmn, for delegates and tests. */
public final class OhHandoverModel {

  public static final String PROCESS_KEY = "oh-handover";
  /** The message by which a job loss reaches the waiting hand-over. */
  public static final String MESSAGE_JOB_LOSS = "JobLossReported";
  /** The message by which {@link HandoverIntake} starts the path for a case the provider's system requested. */
  public static final String MESSAGE_HANDOVER_REQUESTED = "OhHandoverRequested";

  public static final String HANDOVER_ID = "handoverId";
  public static final String CASE_NUMBER = "caseNumber";
  public static final String STARTED_BY = "startedBy";
  public static final String EMPLOYMENT_END_DATE = "employmentEndDate";
  /** The message that brings a corrected expected end of employment (e.g. a longer notice period). */
  public static final String MESSAGE_END_DATE_CORRECTED = "EmploymentEndDateCorrected";
  /** The screening's three questions, as the start form and the API name them (inputs of oh-handover-screening). */
  public static final String CHANGE_SECURITY = "changeSecurity";
  public static final String PARTIAL_WORK_ABILITY = "partialWorkAbility";
  public static final String THREAT_OF_UNEMPLOYMENT = "threatOfUnemployment";
  /** The screening's answers (outputs of the decision oh-handover-screening, mapped by Task_Screen). */
  public static final String IN_TARGET_GROUP = "inTargetGroup";
  public static final String SCREENING_REASON = "screeningReason";
  public static final String REHABILITATION_NEED = "rehabilitationNeed";
  public static final String HANDOVER_CONSENT_IN_FORCE = "handoverConsentInForce";
  public static final String FOLLOW_ON_PATH = "followOnPath";
  /** The drafted rehabilitation-need notice; it becomes the onward referral's reason. */
  public static final String REHABILITATION_LETTER = "rehabilitationLetter";
  /** The onward service the professional chose for the notice (pension provider's or Kela's). */
  public static final String REHABILITATION_SERVICE = "rehabilitationService";
  /** Whether the client consented to the notice going to that receiver. */
  public static final String REHABILITATION_CONSENT_GIVEN = "rehabilitationConsentGiven";
  /** The day after which the pension provider's vocational rehabilitation right may have lapsed (ISO date). */
  public static final String PENSION_RIGHT_LAPSES_ON = "pensionRightLapsesOn";
  /** The warning about that right the professional reads when choosing the receiver. */
  public static final String PENSION_RIGHT_WARNING = "pensionRightWarning";

  /** Form fields and results the steps read or write (forms oh-handover-health-check, -consent, -rehabilitation-notice, -take-over). */
  public static final String STATUTORY_MINUTES = "statutoryMinutes";
  public static final String PILOT_MINUTES = "pilotMinutes";
  public static final String KYKYVIISARI_SCORE = "kykyviisariScore";
  public static final String CONSENT_GIVEN = "consentGiven";
  public static final String CONSENT_VALID_UNTIL = "consentValidUntil";
  public static final String CONSENT_INCLUDES_HEALTH = "consentIncludesHealth";
  public static final String REHABILITATION_CONSENT_VALID_UNTIL = "rehabilitationConsentValidUntil";
  public static final String FINDINGS = "findings";
  public static final String HEALTH_PLAN = "healthPlan";
  public static final String HANDOVER_SUMMARY = "handoverSummary";
  public static final String CASE_MANAGER = "caseManager";
  public static final String CLIENT_EXPERIENCE = "clientExperience";
  public static final String SOTE_CONSENT_GIVEN = "soteConsentGiven";
  public static final String TAKEN_OVER_BY = "takenOverBy";

  public static final String START_FORM = "StartEvent_HandoverStarted";
  public static final String START_REQUESTED = "StartEvent_HandoverRequested";
  public static final String TASK_REGISTER_HANDOVER = "Task_RegisterHandover";
  public static final String TASK_SCREEN = "Task_Screen";
  public static final String DECISION_SCREENING = "oh-handover-screening";
  public static final String TASK_EXTENDED_HEALTH_CHECK = "Task_ExtendedHealthCheck";
  public static final String TASK_SEND_REHABILITATION_NOTICE = "Task_SendRehabilitationNotice";
  public static final String TASK_REFER_REHABILITATION = "Task_ReferRehabilitation";
  public static final String TASK_ASK_CONSENT = "Task_AskConsent";
  public static final String MESSAGE_CATCH_JOB_LOSS = "Message_JobLoss";
  public static final String TIMER_GRACE_PERIOD = "Timer_GracePeriod";
  public static final String TASK_SEND_GUIDANCE = "Task_SendGuidance";
  public static final String TASK_NOTIFY_COORDINATORS = "Task_NotifyCoordinators";
  public static final String TASK_TAKE_OVER = "Task_TakeOver";
  public static final String TIMER_TAKE_OVER_DUE = "Timer_TakeOverDue";
  public static final String TASK_NOTIFY_TEAM_LEAD = "Task_NotifyTeamLead";
  public static final String TASK_ESCALATE_TAKE_OVER = "Task_EscalateTakeOver";
  public static final String END_TAKE_OVER_ESCALATION_HANDLED = "EndEvent_TakeOverEscalationHandled";
  public static final String TASK_START_REFERRAL = "Task_StartReferral";

  public static final String END_HANDED_OVER = "EndEvent_HandedOver";
  public static final String END_GUIDANCE_ONLY = "EndEvent_GuidanceOnly";
  public static final String END_EMPLOYMENT_CONTINUED = "EndEvent_EmploymentContinued";
  public static final String END_NOT_IN_TARGET_GROUP = "EndEvent_NotInTargetGroup";

  private OhHandoverModel() {}
}
