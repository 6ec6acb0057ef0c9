package fi.polku.onward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The onward referrals as the evaluation reads them: to which service, where each stands, and when it was accepted. */
public interface OnwardReferralRecords {

  /**
   * One onward referral.
   *
   * @param requestedAt when the sender asked for it (the record was made)
   * @param acceptedAt when its receiver first accepted it, or null if it never did
   */
  record Requested(long id, String caseNumber, OnwardService service, OnwardStatus status, Instant requestedAt,
      Instant acceptedAt) {}

  /**
   * The referrals requested on a day from {@code from} to {@code to} (both included, Finnish time),
   * optionally of cases in one municipality, oldest first.
   */
  List<Requested> requested(LocalDate from, LocalDate to, Optional<String> municipality);
}
