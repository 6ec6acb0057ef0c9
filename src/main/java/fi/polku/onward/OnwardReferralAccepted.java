package fi.polku.onward;

import java.time.Instant;

/**
 * Published when a receiver accepts an onward referral, inside the same transaction, so that the
 * receiving service's own path can start from it (supported employment starts its path when the
 * job coach accepts) without this module knowing the receivers' paths.
 *
 * @param acceptedBy the user or system user who accepted
 * @param firstAppointmentAt the first appointment the receiver gave, or null
 */
public record OnwardReferralAccepted(long onwardReferralId, String caseNumber, OnwardService service,
    String acceptedBy, Instant firstAppointmentAt) {}
