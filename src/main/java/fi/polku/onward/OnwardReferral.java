package fi.polku.onward;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import java.time.Instant;

/**
 * One onward referral as stored: who sends it (agency, responsible group and worker), to which
 * service and agency, why, what content it carries, and where it stands.
 */
public record OnwardReferral(
    long id,
    String caseNumber,
    String processInstanceId,
    Agency sendingAgency,
    String responsibleGroup,
    String responsibleWorker,
    Agency receivingAgency,
    OnwardService service,
    String reason,
    ConsentScope contentScope,
    String sentByPath,
    Long replacesId,
    OnwardStatus status,
    String statusReason,
    Boolean consentAtCrossing,
    Instant sentAt,
    Instant answerDueAt,
    Instant firstAppointmentAt,
    String feedback,
    Instant unaccountedSince,
    Instant createdAt) {

  /** The scope the receiver's feedback needs to return to the sender: at least the plan. */
  ConsentScope feedbackScope() {
    return contentScope == ConsentScope.HEALTH ? ConsentScope.HEALTH : ConsentScope.PLAN;
  }

  /** One change of status, with its time and actor. */
  public record StatusChange(String status, String reason, Instant changedAt, String changedBy) {}
}
