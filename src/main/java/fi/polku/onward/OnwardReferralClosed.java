package fi.polku.onward;

/**
 * Published when an onward referral's process reaches one of its end states, inside the same
 * transaction, so that the path that sent the client can go on from there (te-referral waits for
 * specialist care's return) without this module knowing the senders' paths. The record's status
 * is final then (completed, failed or cancelled).
 *
 * @param status the record's final status
 * @param ending how the referral ended
 */
public record OnwardReferralClosed(long onwardReferralId, String caseNumber, OnwardService service, OnwardStatus status,
    Ending ending) {

  /** The onward referral's end states (end events of processes/onward-referral.bpmn). */
  public enum Ending {
    /** The receiver completed (or the service failed) and the sender reviewed the feedback. */
    FEEDBACK_REVIEWED("feedback-reviewed"),
    /** No consent: the sender gave the referral to the client to take themselves. */
    GIVEN_TO_CLIENT("given-to-client"),
    /** Rejected or unanswered: the sender sent the client to another service (a new onward referral). */
    SENT_ELSEWHERE("sent-elsewhere"),
    /** Rejected or unanswered: the sender closed it with a reason. */
    CLOSED_WITH_REASON("closed-with-reason"),
    /** The sender cancelled it while it was open. */
    CANCELLED("cancelled");

    private final String code;

    Ending(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    static Ending fromCode(String code) {
      for (Ending ending : values()) {
        if (ending.code.equals(code)) {
          return ending;
        }
      }
      throw new IllegalArgumentException("unknown ending " + code);
    }
  }
}
