package fi.polku.onward;

/** Ids and variable names of processes/onward-referral.bpmn, for delegates, the API and tests. */
public final class OnwardReferralModel {

  public static final String PROCESS_KEY = "onward-referral";

  // Messages.
  public static final String MESSAGE_REQUESTED = "OnwardReferralRequested";
  public static final String MESSAGE_ANSWERED = "OnwardReferralAnswered";
  public static final String MESSAGE_COMPLETED = "OnwardReferralCompleted";
  public static final String MESSAGE_CANCELLED = "OnwardReferralCancelled";

  // Variables (lean: ids, the case number and what gateways and forms need).
  public static final String ONWARD_REFERRAL_ID = "onwardReferralId";
  public static final String CASE_NUMBER = "caseNumber";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String RECEIVING_SERVICE = "receivingService";
  public static final String RECEIVING_SERVICE_NAME = "receivingServiceName";
  public static final String RECEIVING_GROUP = "receivingGroup";
  /** The receiving staff group told of a new referral; empty for a receiver that answers through the API only. */
  public static final String RECEIVER_NOTICE_GROUP = "receiverNoticeGroup";
  public static final String RESPONSIBLE_GROUP = "responsibleGroup";
  public static final String RESPONSIBLE_WORKER = "responsibleWorker";
  public static final String ONWARD_REASON = "onwardReason";
  public static final String CONTENT_SCOPE = "contentScope";
  public static final String CONSENT_AT_CROSSING = "consentAtCrossing";
  public static final String CONSENT_ACTION = "consentAction";
  public static final String CONSENT_VALID_UNTIL = "consentValidUntil";
  public static final String ANSWER_DUE = "answerDue";
  public static final String ANSWER_DUE_TEXT = "answerDueText";
  public static final String ANSWER = "answer";
  public static final String FIRST_APPOINTMENT_AT = "firstAppointmentAt";
  public static final String SERVICE_STARTS_AT = "serviceStartsAt";
  public static final String REJECTION_REASON = "rejectionReason";
  public static final String DEADLINE_PASSED = "deadlinePassed";
  public static final String ANSWERED_BY = "answeredBy";
  public static final String OUTCOME = "outcome";
  public static final String FEEDBACK = "feedback";
  public static final String FEEDBACK_SHARED = "feedbackShared";
  public static final String FEEDBACK_FOR_SENDER = "feedbackForSender";
  public static final String ONWARD_DECISION = "onwardDecision";
  public static final String NEW_RECEIVING_SERVICE = "newReceivingService";
  public static final String CLOSE_REASON = "closeReason";
  public static final String CANCEL_REASON = "cancelReason";
  public static final String CANCELLED_BY = "cancelledBy";

  // Activities.
  public static final String START_MESSAGE = "StartEvent_OnwardReferralRequested";
  public static final String START_STAFF = "StartEvent_StaffRequest";
  public static final String TASK_CHECK_CONSENT = "Task_CheckConsentAtCrossing";
  public static final String TASK_OBTAIN_CONSENT = "Task_ObtainConsent";
  public static final String TASK_SEND = "Task_SendReferral";
  public static final String TASK_NOTIFY_RECEIVER = "Task_NotifyReceiver";
  public static final String TASK_RECEIVE = "Task_ReceiveReferral";
  public static final String TIMER_ANSWER_DEADLINE = "Timer_AnswerDeadline";
  public static final String TASK_NOTIFY_TEAM_LEAD = "Task_NotifyTeamLead";
  public static final String TASK_DECIDE_NEXT = "Task_DecideNext";
  public static final String TASK_RECORD_FEEDBACK = "Task_RecordFeedback";
  public static final String TIMER_SERVICE_STARTED = "Timer_ServiceStarted";
  public static final String TASK_REVIEW_FEEDBACK = "Task_ReviewFeedback";

  // End states.
  public static final String END_GIVEN_TO_CLIENT = "EndEvent_GivenToClient";
  public static final String END_FEEDBACK_RETURNED = "EndEvent_FeedbackReturned";
  public static final String END_SENT_ELSEWHERE = "EndEvent_SentElsewhere";
  public static final String END_CLOSED = "EndEvent_ClosedWithReason";
  public static final String END_CANCELLED = "EndEvent_Cancelled";
  public static final String END_SERVICE_STARTED = "EndEvent_ServiceStarted";

  private OnwardReferralModel() {}
}
