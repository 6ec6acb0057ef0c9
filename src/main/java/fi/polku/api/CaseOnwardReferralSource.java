package fi.polku.api;

import fi.polku.cases.Agency;
import java.time.Instant;
import java.util.List;

/**
 * The onward referrals of a case, shown in its status beside the paths: who sent the client where,
 * and each status with its time and actor. No content: the reason and the receiver's feedback are
 * {@link CaseContentSource} pieces, shown only with a consent in force.
 */
public interface CaseOnwardReferralSource {

  /** The case's onward referrals, oldest first (empty when it has none). */
  List<CaseOnwardReferral> onwardReferralsOf(String caseNumber);

  /** One onward referral of the case. */
  record CaseOnwardReferral(long id, Agency sendingAgency, Agency receivingAgency, String service,
      String serviceName, String status, String statusName, Instant answerDueAt, Instant firstAppointmentAt,
      Instant unaccountedSince, List<StatusChange> history) {}

  /** A change of status: when and by whom. */
  record StatusChange(String status, Instant changedAt, String changedBy) {}
}
