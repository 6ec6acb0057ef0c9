package fi.polku.casepage;

import fi.polku.api.Caller;
import fi.polku.api.CaseAccess;
import fi.polku.api.ForbiddenException;
import fi.polku.cases.Agency;
import fi.polku.cases.CaseNotFoundException;
import fi.polku.cases.ClientCaseService;
import fi.polku.consent.ConsentChannel;
import fi.polku.consent.ConsentNotFoundException;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.InvalidConsentException;
import fi.polku.consent.NewConsent;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case pages for staff: a client's case (/cases/{caseNumber}) with its consent screen, the
 * worker's own cases (/cases/mine) and a case-number search. Staff log in with their Polku user;
 * the login lives in the web session, as on the evaluation page. Who may see a case is decided as
 * in the API: any other member of staff gets the same "not found" page as for a number that does
 * not exist. Every form carries the session's CSRF token.
 */
@Controller
class CasePage {

  private static final Logger LOG = LoggerFactory.getLogger(CasePage.class);
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final CaseViews views;
  private final MyCases myCases;
  private final CaseAccess access;
  private final ConsentService consents;
  private final ClientCaseService cases;
  private final IdentityService identity;
  private final StaffSessions sessions;

  CasePage(CaseViews views, MyCases myCases, CaseAccess access, ConsentService consents, ClientCaseService cases,
      IdentityService identity, StaffSessions sessions) {
    this.views = views;
    this.myCases = myCases;
    this.access = access;
    this.consents = consents;
    this.cases = cases;
    this.identity = identity;
    this.sessions = sessions;
  }

  @GetMapping("/cases/login")
  ResponseEntity<String> loginForm(@RequestParam(defaultValue = "/cases/mine") String next) {
    return page(HttpStatus.OK, "Kirjaudu", CaseHtml.login(null, safeNext(next)));
  }

  @PostMapping(path = "/cases/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> login(HttpServletRequest request, @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "/cases/mine") String next) {
    if (username.isBlank() || !identity.checkPassword(username, password)) {
      return page(HttpStatus.UNAUTHORIZED, "Kirjaudu", CaseHtml.login("Väärä käyttäjätunnus tai salasana.", safeNext(next)));
    }
    sessions.logIn(request, username);
    return redirect(safeNext(next));
  }

  @GetMapping("/cases/logout")
  ResponseEntity<String> logout(HttpServletRequest request) {
    sessions.logOut(request);
    return redirect("/cases/login");
  }

  /** The search box: a case number goes to its page, anything else to the same "not found" page. */
  @GetMapping("/cases")
  ResponseEntity<String> search(HttpServletRequest request, @RequestParam(required = false) String q) {
    StaffUser user = user(request);
    if (user == null) {
      return toLogin("/cases");
    }
    if (q == null || q.isBlank()) {
      return page(HttpStatus.OK, "Hae asiakkuus", CaseHtml.search(user));
    }
    String caseNumber = q.trim().toUpperCase(Locale.ROOT);
    return redirect("/cases/" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8));
  }

  @GetMapping("/cases/mine")
  ResponseEntity<String> mine(HttpServletRequest request) {
    StaffUser user = user(request);
    if (user == null) {
      return toLogin("/cases/mine");
    }
    return page(HttpStatus.OK, "Omat asiakkaat", MyCasesHtml.mine(user, myCases.of(user.caller())));
  }

  @GetMapping("/cases/{caseNumber}")
  ResponseEntity<String> show(HttpServletRequest request, @PathVariable String caseNumber,
      @RequestParam(required = false) String done) {
    StaffUser user = user(request);
    if (user == null) {
      return toLogin("/cases/" + caseNumber);
    }
    String notice = switch (done == null ? "" : done) {
      case "recorded" -> "Suostumus kirjattu.";
      case "withdrawn" -> "Suostumus peruttu. Se on lakannut olemasta voimassa heti.";
      case "responsible" -> "Asiakasvastaava vaihdettu. Avoimet tehtävät siirtyivät hänelle, ja asiakkaalle lähtee viesti.";
      default -> null;
    };
    return casePage(user, caseNumber, HttpStatus.OK, notice, null);
  }

  @PostMapping(path = "/cases/{caseNumber}/consents", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> recordConsent(HttpServletRequest request, @PathVariable String caseNumber,
      @RequestParam(name = "_csrf", required = false) String token, @RequestParam(defaultValue = "") String fromAgency,
      @RequestParam(defaultValue = "") String toAgency, @RequestParam(defaultValue = "") String scope,
      @RequestParam(defaultValue = "") String givenOn, @RequestParam(defaultValue = "") String validUntil,
      @RequestParam(defaultValue = "") String channel) {
    StaffUser user = user(request);
    if (user == null || !user.sentToken(token)) {
      return refused(user);
    }
    Caller caller = user.caller();
    try {
      access.visibleCase(caseNumber, caller);
    } catch (CaseNotFoundException | ForbiddenException e) {
      return page(HttpStatus.NOT_FOUND, "Asiakkuutta ei löydy", CaseHtml.notFound(user, caseNumber));
    }
    NewConsent consent;
    try {
      consent = new NewConsent(Agency.fromCode(fromAgency), Agency.fromCode(toAgency), ConsentScope.fromCode(scope),
          date(givenOn), date(validUntil), ConsentChannel.fromCode(channel));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return casePage(user, caseNumber, HttpStatus.BAD_REQUEST, null, "Suostumusta ei kirjattu: täytä kaikki kentät.");
    }
    try {
      consents.give(caseNumber, consent, user.userId());
    } catch (InvalidConsentException e) {
      return casePage(user, caseNumber, HttpStatus.BAD_REQUEST, null, "Suostumusta ei kirjattu: " + reason(e.field()));
    }
    // As in the API: the agency the consent reaches takes part while it is in force (CaseAccess), no row written.
    LOG.info("Case {}: consent recorded on the case page by {}", caseNumber, user.userId());
    return redirect("/cases/" + caseNumber + "?done=recorded");
  }

  @PostMapping(path = "/cases/{caseNumber}/consents/{id}/withdrawal", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> withdraw(HttpServletRequest request, @PathVariable String caseNumber, @PathVariable long id,
      @RequestParam(name = "_csrf", required = false) String token) {
    StaffUser user = user(request);
    if (user == null || !user.sentToken(token)) {
      return refused(user);
    }
    try {
      access.visibleCase(caseNumber, user.caller());
      consents.withdraw(caseNumber, id, user.userId());
    } catch (CaseNotFoundException | ForbiddenException | ConsentNotFoundException e) {
      return page(HttpStatus.NOT_FOUND, "Asiakkuutta ei löydy", CaseHtml.notFound(user, caseNumber));
    }
    LOG.info("Case {}: consent {} withdrawn on the case page by {}", caseNumber, id, user.userId());
    return redirect("/cases/" + caseNumber + "?done=withdrawn");
  }

  ResponseEntity<String> casePage(StaffUser user, String caseNumber, HttpStatus status, String notice, String error) {
    CaseView view;
    try {
      view = views.view(caseNumber, user.caller());
    } catch (CaseNotFoundException | ForbiddenException e) {
      // The same answer whether the case does not exist or the user's agency takes no part in it.
      return page(HttpStatus.NOT_FOUND, "Asiakkuutta ei löydy", CaseHtml.notFound(user, caseNumber));
    }
    return page(status, "Asiakkuus " + view.caseNumber(), CaseHtml.page(view, user, notice, error));
  }

  private static String reason(String field) {
    return switch (field) {
      case "toAgency" -> "luovuttaja ja vastaanottaja ovat sama taho.";
      case "validUntil" -> "voimassaolo päättyy ennen antopäivää.";
      case "givenOn" -> "antopäivä on tulevaisuudessa.";
      default -> "tarkista kentät.";
    };
  }

  /** A date as the page's fields take it, 30.11.2026 (or as ISO, 2026-11-30, from a script). */
  private static LocalDate date(String value) {
    String text = value.trim();
    return text.contains(".") ? LocalDate.parse(text, FINNISH_DAY) : LocalDate.parse(text);
  }

  private static final DateTimeFormatter FINNISH_DAY = DateTimeFormatter.ofPattern("d.M.uuuu")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private StaffUser user(HttpServletRequest request) {
    return sessions.user(request);
  }

  static ResponseEntity<String> refused(StaffUser user) {
    String body = user == null
        ? "<main><h1>Kirjautuminen on vanhentunut</h1><p><a href=\"/cases/login\">Kirjaudu uudelleen</a>.</p></main>"
        : CaseHtml.header(user, null) + "<main><h1>Lomake vanhentui</h1><p>Lataa sivu uudelleen ja yritä uudestaan.</p></main>";
    return page(HttpStatus.FORBIDDEN, "Ei lähetetty", body);
  }

  /** Only a path on this site, so the login cannot be made to send the browser elsewhere. */
  private static String safeNext(String next) {
    return next != null && next.startsWith("/cases") && !next.startsWith("//") && !next.contains("\\") ? next : "/cases/mine";
  }

  private static ResponseEntity<String> toLogin(String next) {
    return redirect("/cases/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
  }

  static ResponseEntity<String> redirect(String location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
  }

  static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    String html = "<!DOCTYPE html><html lang=\"fi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
        + " content=\"width=device-width, initial-scale=1\"><title>" + CaseHtml.escape(title) + " – Polku</title>"
        + "<style>" + CaseHtml.CSS + "</style></head><body>" + body + "</body></html>";
    return ResponseEntity.status(status).contentType(HTML)
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'")
        .header("X-Frame-Options", "DENY").header("Referrer-Policy", "same-origin")
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(html);
  }
}
