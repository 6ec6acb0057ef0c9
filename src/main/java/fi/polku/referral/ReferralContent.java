package fi.polku.referral;

import fi.polku.api.CaseContentSource;
import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What path 1 adds to GET /api/cases/{caseNumber}: the referral's closed-loop status with its
 * history (status scope, no consent needed) and, once mapped, the plan summary (plan scope, from
 * the sote centre: shown to employment services only with a consent in force).
 */
@Component
class ReferralContent implements CaseContentSource {

  private final ReferralService referrals;
  private final JdbcTemplate jdbc;

  ReferralContent(ReferralService referrals, JdbcTemplate jdbc) {
    this.referrals = referrals;
    this.jdbc = jdbc;
  }

  @Override
  public List<CaseContent> contentFor(String caseNumber) {
    List<CaseContent> content = new ArrayList<>();
    List<ReferralService.StatusChange> history = referrals.history(caseNumber);
    if (history.isEmpty()) {
      return content;
    }
    ReferralService.StatusChange current = history.get(history.size() - 1);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("status", current.status().code());
    status.put("statusName", current.statusName());
    status.put("reason", current.reason());
    status.put("history", history);
    content.add(new CaseContent(TeReferralModel.PROCESS_KEY, Agency.TE, ConsentScope.STATUS,
        "Lähetteen tila", status));
    jdbc.query("select m.follow_on_paths, m.case_manager from referral_mapping m join referral r on r.id = m.referral_id"
        + " where r.case_number = ?", rs -> {
          Map<String, Object> plan = new LinkedHashMap<>();
          plan.put("followOnPaths", List.of(rs.getString(1).split(",")));
          plan.put("caseManager", rs.getString(2));
          content.add(new CaseContent(TeReferralModel.PROCESS_KEY, Agency.SOTE, ConsentScope.PLAN,
              "Työkyvyn tuen suunnitelma", plan));
        }, caseNumber);
    return content;
  }
}
