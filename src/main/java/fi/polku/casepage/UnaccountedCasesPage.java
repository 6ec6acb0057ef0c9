package fi.polku.casepage;

import fi.polku.onward.UnaccountedCases;
import fi.polku.security.StaffGroup;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Tilittämättömät asiakkaat" (/cases/unaccounted): the team lead's list of the cases no one is
 * responsible for now (docs/processes/onward-referral.md), longest first, each linking to its case
 * page. The same login and session as the case pages; anyone but a team lead or an administrator
 * gets 403.
 */
@Controller
class UnaccountedCasesPage {

  private final UnaccountedCases unaccounted;
  private final StaffSessions sessions;
  private final IdentityService identity;

  UnaccountedCasesPage(UnaccountedCases unaccounted, StaffSessions sessions, IdentityService identity) {
    this.unaccounted = unaccounted;
    this.sessions = sessions;
    this.identity = identity;
  }

  /** Who sees the list (and its link in the bar): team leads and administrators. */
  static boolean mayRead(StaffUser user) {
    return user.caller().admin() || user.groups().contains(StaffGroup.TEAM_LEAD.id());
  }

  @GetMapping("/cases/unaccounted")
  ResponseEntity<String> list(HttpServletRequest request) {
    StaffUser user = sessions.user(request);
    if (user == null) {
      return CasePage.redirect("/cases/login?next=" + URLEncoder.encode("/cases/unaccounted", StandardCharsets.UTF_8));
    }
    if (!mayRead(user)) {
      return CasePage.page(HttpStatus.FORBIDDEN, "Ei oikeutta", CaseHtml.header(user, null)
          + "<main><h1>Ei oikeutta</h1><p>Tilittämättömien asiakkaiden luettelo on esihenkilöille (ryhmä team-lead)"
          + " ja ylläpitäjille.</p><p><a href=\"/cases/mine\">Omat asiakkaat</a></p></main>");
    }
    Map<String, String> names = new HashMap<>();
    return CasePage.page(HttpStatus.OK, "Tilittämättömät asiakkaat", UnaccountedCasesHtml.list(user, unaccounted.list(),
        userId -> names.computeIfAbsent(userId, this::fullName)));
  }

  /** The worker's name as Polku's user has it, or the user id. */
  private String fullName(String userId) {
    User found = identity.createUserQuery().userId(userId).singleResult();
    String name = found == null ? "" : (Objects.toString(found.getFirstName(), "") + " "
        + Objects.toString(found.getLastName(), "")).trim();
    return name.isEmpty() ? userId : name;
  }
}
