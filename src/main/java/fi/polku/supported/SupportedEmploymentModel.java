package fi.polku.supported;

import fi.polku.cases.ModelName;

/** Ids and variable names of processes/supported-employment.bpmn, for delegates, tests and the demo data. */
public final class SupportedEmploymentModel {

  public static final String PROCESS_KEY = ModelName.of("supported-employment");
  public static final String DECISION_FOLLOW_UP = ModelName.of("supported-employment-follow-up");

  /** Starts the path when a job coach accepts an onward referral to supported employment. */
  public static final String MESSAGE_REFERRAL_ACCEPTED = ModelName.of("SupportedEmploymentReferralAccepted");

  // Variables (lean: ids, the case number and what gateways and forms need).
  public static final String CASE_NUMBER = ModelName.of("caseNumber");
  /** The job coach responsible while the path runs; the path's tasks are assigned to this user. */
  public static final String COACH = ModelName.of("coach");
  public static final String SUPPORTED_EMPLOYMENT_ID = ModelName.of("supportedEmploymentId");
  public static final String ONWARD_REFERRAL_ID = ModelName.of("onwardReferralId");
  public static final String ENTRY_ROUTE = ModelName.of("entryRoute");
  public static final String ENTRY_ROUTE_NAME = ModelName.of("entryRouteName");
  public static final String COOPERATION = ModelName.of("cooperation");
  public static final String COOPERATION_NOTE = ModelName.of("cooperationNote");
  public static final String WORK_HISTORY = ModelName.of("workHistory");
  public static final String EDUCATION = ModelName.of("education");
  public static final String SKILLS = ModelName.of("skills");
  public static final String WORK_WISHES = ModelName.of("workWishes");
  public static final String KYKYVIISARI_SCORE = ModelName.of("kykyviisariScore");
  public static final String KYKYVIISARI_DISCUSSED = ModelName.of("kykyviisariDiscussed");
  public static final String CONTACT_DUE = ModelName.of("contactDue");
  public static final String CONTACT_DUE_TEXT = ModelName.of("contactDueText");
  public static final String CONTACT_COUNT = ModelName.of("contactCount");
  public static final String SEARCH_STEP = ModelName.of("searchStep");
  public static final String EMPLOYER_NAME = ModelName.of("employerName");
  public static final String CONTACT_DATE = ModelName.of("contactDate");
  public static final String CONTACT_OUTCOME = ModelName.of("contactOutcome");
  public static final String END_REASON = ModelName.of("endReason");
  public static final String NEW_SERVICE = ModelName.of("newService");
  public static final String END_NOTE = ModelName.of("endNote");
  public static final String AGREEMENT = ModelName.of("agreement");
  public static final String JOB_TITLE = ModelName.of("jobTitle");
  public static final String JOB_START_DATE = ModelName.of("jobStartDate");
  public static final String WEEKLY_HOURS = ModelName.of("weeklyHours");
  public static final String ARRANGEMENT = ModelName.of("arrangement");
  public static final String EMPLOYER_CONSENT = ModelName.of("employerConsent");
  public static final String EMPLOYER_CONSENT_UNTIL = ModelName.of("employerConsentUntil");
  public static final String EMPLOYER_DISCLOSURE = ModelName.of("employerDisclosure");
  public static final String NO_AGREEMENT_NOTE = ModelName.of("noAgreementNote");
  public static final String JOB_ID = ModelName.of("jobId");
  public static final String JOB_TEXT = ModelName.of("jobText");
  public static final String FOLLOW_UPS_DONE = ModelName.of("followUpsDone");
  public static final String FOLLOW_UP_PLAN = ModelName.of("followUpPlan");
  public static final String FOLLOW_UP_AT = ModelName.of("followUpAt");
  public static final String FOLLOW_UP_LABEL = ModelName.of("followUpLabel");
  public static final String EMPLOYER_CONSENT_IN_FORCE = ModelName.of("employerConsentInForce");
  public static final String EMPLOYER_CONSENT_TEXT = ModelName.of("employerConsentText");
  public static final String CLIENT_VIEW = ModelName.of("clientView");
  public static final String EMPLOYER_VIEW = ModelName.of("employerView");
  public static final String JOB_STATUS = ModelName.of("jobStatus");

  // Activities.
  public static final String START_REFERRAL = ModelName.of("StartEvent_ReferralAccepted");
  public static final String START_SELF_REFERRAL = ModelName.of("StartEvent_SelfReferral");
  public static final String TASK_FIRST_MEETING = ModelName.of("Task_FirstMeeting");
  public static final String TASK_VOCATIONAL_PROFILE = ModelName.of("Task_VocationalProfile");
  public static final String TASK_JOB_SEARCH = ModelName.of("Task_JobSearch");
  public static final String TIMER_CONTACT_OVERDUE = ModelName.of("Timer_ContactOverdue");
  public static final String TASK_REMIND_COACH = ModelName.of("Task_RemindCoach");
  public static final String TASK_EMPLOYER_AGREEMENT = ModelName.of("Task_EmployerAgreement");
  public static final String TIMER_FOLLOW_UP_DUE = ModelName.of("Timer_FollowUpDue");
  public static final String TASK_FOLLOW_UP = ModelName.of("Task_FollowUp");

  // End states (the end event's endState field is the code stored in supported_employment.end_state).
  public static final String END_EMPLOYED = ModelName.of("EndEvent_Employed");
  public static final String END_EDUCATION = ModelName.of("EndEvent_Education");
  public static final String END_OTHER_SERVICE = ModelName.of("EndEvent_OtherService");
  public static final String END_CLIENT_ENDED = ModelName.of("EndEvent_ClientEnded");
  public static final String END_UNREACHABLE = ModelName.of("EndEvent_Unreachable");
  public static final String END_DECLINED = ModelName.of("EndEvent_Declined");
  public static final String END_REMINDED = ModelName.of("EndEvent_Reminded");

  private SupportedEmploymentModel() {}
}
