package fi.polku.handover;

import fi.polku.cases.ModelName;

/** Ids and variable names of processes/oh-handover.bpmn, for delegates and tests. */
public final class OhHandoverModel {

  public static final String PROCESS_KEY = ModelName.of("oh-handover");
  /** The message by which a job loss reaches the waiting hand-over. */
  public static final String MESSAGE_JOB_LOSS = ModelName.of("JobLossReported");
  /** The message by which {@link HandoverIntake} starts the path for a case the provider's system requested. */
  public static final String MESSAGE_HANDOVER_REQUESTED = ModelName.of("OhHandoverRequested");

  public static final String HANDOVER_ID = ModelName.of("handoverId");
  public static final String CASE_NUMBER = ModelName.of("caseNumber");
  public static final String STARTED_BY = ModelName.of("startedBy");
  public static final String EMPLOYMENT_END_DATE = ModelName.of("employmentEndDate");
  /** The message that brings a corrected expected end of employment (e.g. a longer notice period). */
  public static final String MESSAGE_END_DATE_CORRECTED = ModelName.of("EmploymentEndDateCorrected");
  /** The screening's three questions, as the start form and the API name them (inputs of oh-handover-screening). */
  public static final String CHANGE_SECURITY = ModelName.of("changeSecurity");
  public static final String PARTIAL_WORK_ABILITY = ModelName.of("partialWorkAbility");
  public static final String THREAT_OF_UNEMPLOYMENT = ModelName.of("threatOfUnemployment");
  /** The screening's answers (outputs of the decision oh-handover-screening, mapped by Task_Screen). */
  public static final String IN_TARGET_GROUP = ModelName.of("inTargetGroup");
  public static final String SCREENING_REASON = ModelName.of("screeningReason");
  public static final String REHABILITATION_NEED = ModelName.of("rehabilitationNeed");
  public static final String HANDOVER_CONSENT_IN_FORCE = ModelName.of("handoverConsentInForce");
  public static final String FOLLOW_ON_PATH = ModelName.of("followOnPath");
  /** The drafted rehabilitation-need notice; it becomes the onward referral's reason. */
  public static final String REHABILITATION_LETTER = ModelName.of("rehabilitationLetter");
  /** The onward service the professional chose for the notice (pension provider's or Kela's). */
  public static final String REHABILITATION_SERVICE = ModelName.of("rehabilitationService");
  /** Whether the client consented to the notice going to that receiver. */
  public static final String REHABILITATION_CONSENT_GIVEN = ModelName.of("rehabilitationConsentGiven");
  /** The day after which the pension provider's vocational rehabilitation right may have lapsed (ISO date). */
  public static final String PENSION_RIGHT_LAPSES_ON = ModelName.of("pensionRightLapsesOn");
  /** The warning about that right the professional reads when choosing the receiver. */
  public static final String PENSION_RIGHT_WARNING = ModelName.of("pensionRightWarning");

  /** Form fields and results the steps read or write (forms oh-handover-health-check, -consent, -rehabilitation-notice, -take-over). */
  public static final String STATUTORY_MINUTES = ModelName.of("statutoryMinutes");
  public static final String PILOT_MINUTES = ModelName.of("pilotMinutes");
  public static final String KYKYVIISARI_SCORE = ModelName.of("kykyviisariScore");
  public static final String CONSENT_GIVEN = ModelName.of("consentGiven");
  public static final String CONSENT_VALID_UNTIL = ModelName.of("consentValidUntil");
  public static final String CONSENT_INCLUDES_HEALTH = ModelName.of("consentIncludesHealth");
  public static final String REHABILITATION_CONSENT_VALID_UNTIL = ModelName.of("rehabilitationConsentValidUntil");
  public static final String FINDINGS = ModelName.of("findings");
  public static final String HEALTH_PLAN = ModelName.of("healthPlan");
  public static final String HANDOVER_SUMMARY = ModelName.of("handoverSummary");
  public static final String CASE_MANAGER = ModelName.of("caseManager");
  public static final String CLIENT_EXPERIENCE = ModelName.of("clientExperience");
  public static final String SOTE_CONSENT_GIVEN = ModelName.of("soteConsentGiven");
  public static final String TAKEN_OVER_BY = ModelName.of("takenOverBy");

  public static final String START_FORM = ModelName.of("StartEvent_HandoverStarted");
  public static final String START_REQUESTED = ModelName.of("StartEvent_HandoverRequested");
  public static final String TASK_REGISTER_HANDOVER = ModelName.of("Task_RegisterHandover");
  public static final String TASK_SCREEN = ModelName.of("Task_Screen");
  public static final String DECISION_SCREENING = ModelName.of("oh-handover-screening");
  public static final String TASK_EXTENDED_HEALTH_CHECK = ModelName.of("Task_ExtendedHealthCheck");
  public static final String TASK_SEND_REHABILITATION_NOTICE = ModelName.of("Task_SendRehabilitationNotice");
  public static final String TASK_REFER_REHABILITATION = ModelName.of("Task_ReferRehabilitation");
  public static final String TASK_ASK_CONSENT = ModelName.of("Task_AskConsent");
  public static final String MESSAGE_CATCH_JOB_LOSS = ModelName.of("Message_JobLoss");
  public static final String TIMER_GRACE_PERIOD = ModelName.of("Timer_GracePeriod");
  public static final String TASK_SEND_GUIDANCE = ModelName.of("Task_SendGuidance");
  public static final String TASK_NOTIFY_COORDINATORS = ModelName.of("Task_NotifyCoordinators");
  public static final String TASK_TAKE_OVER = ModelName.of("Task_TakeOver");
  public static final String TIMER_TAKE_OVER_DUE = ModelName.of("Timer_TakeOverDue");
  public static final String TASK_NOTIFY_TEAM_LEAD = ModelName.of("Task_NotifyTeamLead");
  public static final String TASK_ESCALATE_TAKE_OVER = ModelName.of("Task_EscalateTakeOver");
  public static final String END_TAKE_OVER_ESCALATION_HANDLED = ModelName.of("EndEvent_TakeOverEscalationHandled");
  public static final String TASK_START_REFERRAL = ModelName.of("Task_StartReferral");

  public static final String END_HANDED_OVER = ModelName.of("EndEvent_HandedOver");
  public static final String END_GUIDANCE_ONLY = ModelName.of("EndEvent_GuidanceOnly");
  public static final String END_EMPLOYMENT_CONTINUED = ModelName.of("EndEvent_EmploymentContinued");
  public static final String END_NOT_IN_TARGET_GROUP = ModelName.of("EndEvent_NotInTargetGroup");

  private OhHandoverModel() {}
}
