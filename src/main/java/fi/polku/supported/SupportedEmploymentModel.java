package fi.polku.supported;

/** Ids and variable names of processes/supported-employment.bpmn, for delegates, tests and the demo data. */
public final class SupportedEmploymentModel {

  public static final String PROCESS_KEY = "supported-employment";
  public static final String DECISION_FOLLOW_UP = "supported-employment-follow-up";

  /** Starts the path when a job coach accepts an onward referral to supported employment. */
  public static final String MESSAGE_REFERRAL_ACCEPTED = "SupportedEmploymentReferralAccepted";

  // Variables (lean: ids, the case number and what gateways and forms need).
  public static final String CASE_NUMBER = "caseNumber";
  /** The job coach responsible while the path runs; the path's tasks are assigned to this user. */
  public static final String COACH = "coach";
  public static final String SUPPORTED_EMPLOYMENT_ID = "supportedEmploymentId";
  public static final String ONWARD_REFERRAL_ID = "onwardReferralId";
  public static final String ENTRY_ROUTE = "entryRoute";
  public static final String ENTRY_ROUTE_NAME = "entryRouteName";
  public static final String COOPERATION = "cooperation";
  public static final String COOPERATION_NOTE = "cooperationNote";
  public static final String WORK_HISTORY = "workHistory";
  public static final String EDUCATION = "education";
  public static final String SKILLS = "skills";
  public static final String WORK_WISHES = "workWishes";
  public static final String KYKYVIISARI_SCORE = "kykyviisariScore";
  public static final String KYKYVIISARI_DISCUSSED = "kykyviisariDiscussed";
  public static final String CONTACT_DUE = "contactDue";
  public static final String CONTACT_DUE_TEXT = "contactDueText";
  public static final String CONTACT_COUNT = "contactCount";
  public static final String SEARCH_STEP = "searchStep";
  public static final String EMPLOYER_NAME = "employerName";
  public static final String CONTACT_DATE = "contactDate";
  public static final String CONTACT_OUTCOME = "contactOutcome";
  public static final String END_REASON = "endReason";
  public static final String NEW_SERVICE = "newService";
  public static final String END_NOTE = "endNote";
  public static final String AGREEMENT = "agreement";
  public static final String JOB_TITLE = "jobTitle";
  public static final String JOB_START_DATE = "jobStartDate";
  public static final String WEEKLY_HOURS = "weeklyHours";
  public static final String ARRANGEMENT = "arrangement";
  public static final String EMPLOYER_CONSENT = "employerConsent";
  public static final String EMPLOYER_CONSENT_UNTIL = "employerConsentUntil";
  public static final String EMPLOYER_DISCLOSURE = "employerDisclosure";
  public static final String NO_AGREEMENT_NOTE = "noAgreementNote";
  public static final String JOB_ID = "jobId";
  public static final String JOB_TEXT = "jobText";
  public static final String FOLLOW_UPS_DONE = "followUpsDone";
  public static final String FOLLOW_UP_PLAN = "followUpPlan";
  public static final String FOLLOW_UP_AT = "followUpAt";
  public static final String FOLLOW_UP_LABEL = "followUpLabel";
  public static final String EMPLOYER_CONSENT_IN_FORCE = "employerConsentInForce";
  public static final String EMPLOYER_CONSENT_TEXT = "employerConsentText";
  public static final String CLIENT_VIEW = "clientView";
  public static final String EMPLOYER_VIEW = "employerView";
  public static final String JOB_STATUS = "jobStatus";

  // Activities.
  public static final String START_REFERRAL = "StartEvent_ReferralAccepted";
  public static final String START_SELF_REFERRAL = "StartEvent_SelfReferral";
  public static final String TASK_FIRST_MEETING = "Task_FirstMeeting";
  public static final String TASK_VOCATIONAL_PROFILE = "Task_VocationalProfile";
  public static final String TASK_JOB_SEARCH = "Task_JobSearch";
  public static final String TIMER_CONTACT_OVERDUE = "Timer_ContactOverdue";
  public static final String TASK_REMIND_COACH = "Task_RemindCoach";
  public static final String TASK_EMPLOYER_AGREEMENT = "Task_EmployerAgreement";
  public static final String TIMER_FOLLOW_UP_DUE = "Timer_FollowUpDue";
  public static final String TASK_FOLLOW_UP = "Task_FollowUp";

  // End states (the end event's endState field is the code stored in supported_employment.end_state).
  public static final String END_EMPLOYED = "EndEvent_Employed";
  public static final String END_EDUCATION = "EndEvent_Education";
  public static final String END_OTHER_SERVICE = "EndEvent_OtherService";
  public static final String END_CLIENT_ENDED = "EndEvent_ClientEnded";
  public static final String END_UNREACHABLE = "EndEvent_Unreachable";
  public static final String END_DECLINED = "EndEvent_Declined";
  public static final String END_REMINDED = "EndEvent_Reminded";

  private SupportedEmploymentModel() {}
}
