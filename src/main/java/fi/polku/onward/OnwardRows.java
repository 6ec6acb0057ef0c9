package fi.polku.onward;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** An {@code onward_referral} row as the record {@link OnwardReferral}. */
final class OnwardRows {

  private OnwardRows() {
  }

  static OnwardReferral referral(ResultSet rs, int row) throws SQLException {
    Number replaces = (Number) rs.getObject("replaces_id");
    Object consent = rs.getObject("consent_at_crossing");
    return new OnwardReferral(rs.getLong("id"), rs.getString("case_number"), rs.getString("process_instance_id"),
        Agency.fromCode(rs.getString("sending_agency")), rs.getString("responsible_group"),
        rs.getString("responsible_worker"), Agency.fromCode(rs.getString("receiving_agency")),
        OnwardService.fromCode(rs.getString("service")), rs.getString("reason"),
        ConsentScope.fromCode(rs.getString("content_scope")), rs.getString("sent_by_path"),
        replaces == null ? null : replaces.longValue(), OnwardStatus.fromCode(rs.getString("status")),
        rs.getString("status_reason"), consent == null ? null : rs.getBoolean("consent_at_crossing"),
        instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("answer_due_at")),
        instant(rs.getTimestamp("first_appointment_at")), rs.getString("outcome_feedback"),
        instant(rs.getTimestamp("unaccounted_since")), instant(rs.getTimestamp("created_at")));
  }

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
