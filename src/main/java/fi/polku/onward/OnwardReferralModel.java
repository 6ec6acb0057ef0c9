package fi.polku.onward;

import fi.polku.cases.ModelName;

/** Ids and variable names of processes/onward-referral.bpmn, for delegates, the API and tests. */
public final class OnwardReferralModel {

  public static final String PROCESS_KEY = ModelName.of("onward-referral");

  // Messages.
  public static final String MESSAGE_REQUESTED = ModelName.of("OnwardReferralRequested");
  public static final String MESSAGE_ANSWERED = ModelName.of("OnwardReferralAnswered");
  public static final String MESSAGE_COMPLETED = ModelName.of("OnwardReferralCompleted");
  public static final String MESSAGE_CANCELLED = ModelName.of("OnwardReferralCancelled");

  // Variables (lean: ids, the case number and what gateways and forms need).
  public static final String ONWARD_REFERRAL_ID = ModelName.of("onwardReferralId");
  public static final String CASE_NUMBER = ModelName.of("caseNumber");
  public static final String REQUESTED_BY = ModelName.of("requestedBy");
  public static final String RECEIVING_SERVICE = ModelName.of("receivingService");
  public static final String RECEIVING_SERVICE_NAME = ModelName.of("receivingServiceName");
  public static final String RECEIVING_GROUP = ModelName.of("receivingGroup");
  /** The receiving staff group told of a new referral; empty for a receiver that answers through the API only. */
  public static final String RECEIVER_NOTICE_GROUP = ModelName.of("receiverNoticeGroup");
  public static final String RESPONSIBLE_GROUP = ModelName.of("responsibleGroup");
  public static final String RESPONSIBLE_WORKER = ModelName.of("responsibleWorker");
  public static final String ONWARD_REASON = ModelName.of("onwardReason");
  public static final String CONTENT_SCOPE = ModelName.of("contentScope");
  public static final String CONSENT_AT_CROSSING = ModelName.of("consentAtCrossing");
  public static final String CONSENT_ACTION = ModelName.of("consentAction");
  public static final String CONSENT_VALID_UNTIL = ModelName.of("consentValidUntil");
  public static final String ANSWER_DUE = ModelName.of("answerDue");
  public static final String ANSWER_DUE_TEXT = ModelName.of("answerDueText");
  public static final String ANSWER = ModelName.of("answer");
  public static final String FIRST_APPOINTMENT_AT = ModelName.of("firstAppointmentAt");
  public static final String SERVICE_STARTS_AT = ModelName.of("serviceStartsAt");
  public static final String REJECTION_REASON = ModelName.of("rejectionReason");
  public static final String DEADLINE_PASSED = ModelName.of("deadlinePassed");
  public static final String ANSWERED_BY = ModelName.of("answeredBy");
  public static final String OUTCOME = ModelName.of("outcome");
  public static final String FEEDBACK = ModelName.of("feedback");
  public static final String FEEDBACK_SHARED = ModelName.of("feedbackShared");
  public static final String FEEDBACK_FOR_SENDER = ModelName.of("feedbackForSender");
  public static final String ONWARD_DECISION = ModelName.of("onwardDecision");
  public static final String NEW_RECEIVING_SERVICE = ModelName.of("newReceivingService");
  public static final String CLOSE_REASON = ModelName.of("closeReason");
  public static final String CANCEL_REASON = ModelName.of("cancelReason");
  public static final String CANCELLED_BY = ModelName.of("cancelledBy");

  // Activities.
  public static final String START_MESSAGE = ModelName.of("StartEvent_OnwardReferralRequested");
  public static final String START_STAFF = ModelName.of("StartEvent_StaffRequest");
  public static final String TASK_CHECK_CONSENT = ModelName.of("Task_CheckConsentAtCrossing");
  public static final String TASK_OBTAIN_CONSENT = ModelName.of("Task_ObtainConsent");
  public static final String TASK_SEND = ModelName.of("Task_SendReferral");
  public static final String TASK_NOTIFY_RECEIVER = ModelName.of("Task_NotifyReceiver");
  public static final String TASK_RECEIVE = ModelName.of("Task_ReceiveReferral");
  public static final String TIMER_ANSWER_DEADLINE = ModelName.of("Timer_AnswerDeadline");
  public static final String TASK_NOTIFY_TEAM_LEAD = ModelName.of("Task_NotifyTeamLead");
  public static final String TASK_DECIDE_NEXT = ModelName.of("Task_DecideNext");
  public static final String TASK_RECORD_FEEDBACK = ModelName.of("Task_RecordFeedback");
  public static final String TIMER_SERVICE_STARTED = ModelName.of("Timer_ServiceStarted");
  public static final String TASK_REVIEW_FEEDBACK = ModelName.of("Task_ReviewFeedback");

  // End states.
  public static final String END_GIVEN_TO_CLIENT = ModelName.of("EndEvent_GivenToClient");
  public static final String END_FEEDBACK_RETURNED = ModelName.of("EndEvent_FeedbackReturned");
  public static final String END_SENT_ELSEWHERE = ModelName.of("EndEvent_SentElsewhere");
  public static final String END_CLOSED = ModelName.of("EndEvent_ClosedWithReason");
  public static final String END_CANCELLED = ModelName.of("EndEvent_Cancelled");
  public static final String END_SERVICE_STARTED = ModelName.of("EndEvent_ServiceStarted");

  private OnwardReferralModel() {}
}
