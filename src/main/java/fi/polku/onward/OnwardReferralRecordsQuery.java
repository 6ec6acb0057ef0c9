package fi.polku.onward;

import fi.polku.calendar.WorkingDays;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link OnwardReferralRecords} from the onward referral's record and its status history. */
@Component
class OnwardReferralRecordsQuery implements OnwardReferralRecords {

  private final JdbcTemplate jdbc;

  OnwardReferralRecordsQuery(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Requested> requested(LocalDate from, LocalDate to, Optional<String> municipality) {
    List<Object> args = new ArrayList<>();
    args.add(OnwardStatus.ACCEPTED.code());
    args.add(Timestamp.from(from.atStartOfDay(WorkingDays.FINLAND).toInstant()));
    args.add(Timestamp.from(to.plusDays(1).atStartOfDay(WorkingDays.FINLAND).toInstant()));
    String where = "";
    if (municipality.isPresent()) {
      where = " and lower(c.municipality) = lower(?)";
      args.add(municipality.get());
    }
    return jdbc.query("select o.id, o.case_number, o.service, o.status, o.created_at,"
            + " (select min(h.changed_at) from onward_referral_status_history h where h.onward_referral_id = o.id"
            + " and h.status = ?) accepted_at"
            + " from onward_referral o join client_case c on c.case_number = o.case_number"
            + " where o.created_at >= ? and o.created_at < ?" + where + " order by o.created_at, o.id",
        (rs, row) -> new Requested(rs.getLong(1), rs.getString(2), OnwardService.fromCode(rs.getString(3)),
            OnwardStatus.fromCode(rs.getString(4)), rs.getTimestamp(5).toInstant(),
            rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()),
        args.toArray());
  }
}
