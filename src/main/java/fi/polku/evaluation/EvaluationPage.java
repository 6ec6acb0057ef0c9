package fi.polku.evaluation;

import fi.polku.api.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evaluation report page for team leads and administrators, at /evaluation: Finnish headings,
 * a table per metric and server-side SVG charts, printable to PDF from the browser. Staff log in
 * with their Polku user; the login lives in the web session.
 */
@Controller
class EvaluationPage {

  private static final String USER = EvaluationPage.class.getName() + ".user";
  private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

  private final EvaluationService evaluation;
  private final IdentityService identity;
  private final Clock clock;
  private final EvaluationTemplates templates;

  EvaluationPage(EvaluationService evaluation, IdentityService identity, Clock clock, EvaluationTemplates templates) {
    this.evaluation = evaluation;
    this.identity = identity;
    this.clock = clock;
    this.templates = templates;
  }

  /** A logged-in reader, kept in the web session: in the database, Java-serialized, read by every node. */
  record Reader(String userId, boolean mayRead) implements Serializable {}

  @GetMapping("/evaluation/login")
  ResponseEntity<String> loginForm() {
    return login(HttpStatus.OK, null);
  }

  @PostMapping(path = "/evaluation/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> login(HttpServletRequest request, @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password) {
    if (username.isBlank() || !identity.checkPassword(username, password)) {
      return login(HttpStatus.UNAUTHORIZED, "Väärä käyttäjätunnus tai salasana.");
    }
    List<String> groups = identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).toList();
    request.getSession(true);
    request.changeSessionId();
    request.getSession().setAttribute(USER, new Reader(username, EvaluationController.mayRead(groups)));
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/evaluation").build();
  }

  @GetMapping("/evaluation/logout")
  ResponseEntity<String> logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(USER);
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/evaluation/login").build();
  }

  @GetMapping("/evaluation")
  ResponseEntity<?> report(HttpServletRequest request, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String path,
      @RequestParam(required = false) String municipality, @RequestParam(required = false) String format) {
    Reader reader = reader(request);
    if (reader == null) {
      return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/evaluation/login").build();
    }
    if (!reader.mayRead()) {
      return templates.page(HttpStatus.FORBIDDEN, "forbidden", Map.of("title", "Ei oikeutta"));
    }
    EvaluationQuery query;
    try {
      query = EvaluationController.defaults(clock, date("from", from), date("to", to), blank(path), blank(municipality));
    } catch (InvalidParameterException e) {
      return templates.page(HttpStatus.BAD_REQUEST, "invalid", Map.of("title", "Virheellinen rajaus",
          "field", Objects.toString(e.field(), ""), "message", Objects.toString(e.getMessage(), "")));
    }
    EvaluationReport report = evaluation.report(query);
    if ("csv".equals(format)) {
      return EvaluationCsv.download(report);
    }
    return templates.page(HttpStatus.OK, "report", ReportModel.of(report, reader.userId()));
  }

  private static Reader reader(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (Reader) session.getAttribute(USER);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(field, "not a date: use the form 2026-01-31");
    }
  }

  private ResponseEntity<String> login(HttpStatus status, String error) {
    return templates.page(status, "login", Map.of("title", "Kirjaudu", "error", error == null ? List.of() : List.of(error)));
  }
}
