package fi.polku.casepage;

import fi.polku.api.CaseAccess;
import fi.polku.api.ForbiddenException;
import fi.polku.cases.CaseNotFoundException;
import fi.polku.responsible.InvalidChangeException;
import fi.polku.responsible.ResponsibleWorkers;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Vaihda asiakasvastaava" on the case page: a team lead or the current case manager hands the
 * case to another member of staff with a hand-over note. The form carries the session's CSRF
 * token as the consent forms do; a case the user may not see answers "not found".
 */
@Controller
class CaseManagerChange {

  private static final Logger LOG = LoggerFactory.getLogger(CaseManagerChange.class);

  private final StaffSessions sessions;
  private final CaseAccess access;
  private final ResponsibleWorkers responsible;
  private final CasePage pages;

  CaseManagerChange(StaffSessions sessions, CaseAccess access, ResponsibleWorkers responsible, CasePage pages) {
    this.sessions = sessions;
    this.access = access;
    this.responsible = responsible;
    this.pages = pages;
  }

  @PostMapping(path = "/cases/{caseNumber}/responsible", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> change(HttpServletRequest request, @PathVariable String caseNumber,
      @RequestParam(name = "_csrf", required = false) String token, @RequestParam(defaultValue = "") String newUser,
      @RequestParam(defaultValue = "") String note) {
    StaffUser user = sessions.user(request);
    if (user == null || !user.sentToken(token)) {
      return CasePage.refused(user);
    }
    try {
      access.visibleCase(caseNumber, user.caller());
    } catch (CaseNotFoundException | ForbiddenException e) {
      return CasePage.page(HttpStatus.NOT_FOUND, "Asiakkuutta ei löydy", CaseHtml.notFound(user, caseNumber));
    }
    try {
      responsible.change(caseNumber, newUser.trim(), note, user.userId(), user.groups());
    } catch (InvalidChangeException e) {
      HttpStatus status = "changedBy".equals(e.field()) ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
      return pages.casePage(user, caseNumber, status, null, "Asiakasvastaavaa ei vaihdettu: " + reason(e.field()));
    }
    LOG.info("Case {}: case manager changed on the case page by {}", caseNumber, user.userId());
    return CasePage.redirect("/cases/" + caseNumber + "?done=responsible");
  }

  private static String reason(String field) {
    return switch (field) {
      case "changedBy" -> "vain esihenkilö tai asiakkuuden nykyinen asiakasvastaava voi siirtää asiakkuuden.";
      case "note" -> "kirjoita siirtoviesti (enintään 2000 merkkiä).";
      default -> "valitse uusi asiakasvastaava, joka ei jo ole asiakasvastaava.";
    };
  }
}
