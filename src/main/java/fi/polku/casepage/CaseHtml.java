package fi.polku.casepage;

import org.springframework.web.util.HtmlUtils;
import fi.polku.api.CaseContentSource.CaseContent;
import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The case pages' HTML, in Finnish, with the look of the evaluation page. Every value that comes
 * from a user or a record goes through {@link #escape}.
 */
final class CaseHtml {

  static final String CSS = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1d1d1d;background:#fff}"
      + "header{background:#12395c;color:#fff;padding:12px 24px;display:flex;justify-content:space-between;align-items:center;gap:16px;flex-wrap:wrap}"
      + "header a{color:#fff}header nav{display:flex;gap:16px;align-items:center}"
      + "header form{display:flex;gap:6px}header input{font-size:.95rem;padding:3px 6px;width:12em}"
      + "main{padding:8px 24px 32px;max-width:1100px}h1{font-size:1.5rem;margin:.4em 0}"
      + "h2{font-size:1.15rem;margin:1.6em 0 .4em;border-bottom:2px solid #12395c;padding-bottom:2px}"
      + "h3{font-size:1rem;margin:1em 0 .3em}"
      + "table{border-collapse:collapse;margin:.5em 0 1em;font-size:.9rem;width:100%}table.fields{width:auto}td.when{white-space:nowrap}"
      + "button,.badge{white-space:nowrap}th,td{border:1px solid #c8c8c8;padding:4px 8px;text-align:left;vertical-align:top}"
      + "th{background:#eef2f6}dl.client{display:grid;grid-template-columns:max-content auto;gap:4px 16px;margin:.5em 0}"
      + "dl.client dt{font-weight:600}dl.client dd{margin:0}.note{font-size:.85rem;color:#444}"
      + ".overdue{color:#a40000;font-weight:bold}.ok{background:#e6f4ea;border:1px solid #8ac59a;padding:6px 10px;border-radius:4px}"
      + ".error{color:#a40000;font-weight:bold}.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:.8rem;background:#eef2f6;border:1px solid #c8c8c8}"
      + ".badge.run{background:#e6f4ea;border-color:#8ac59a}"
      + "form.consent{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;background:#f4f6f8;padding:10px;border-radius:4px}"
      + "form label{display:flex;flex-direction:column;font-size:.85rem}form.inline{display:inline;margin:0}"
      + "button{font-size:.9rem;padding:3px 10px}select,input{font-size:.9rem;padding:3px}"
      + ".login{max-width:360px;margin:40px auto}.login form{display:flex;flex-direction:column;gap:10px}"
      + ".login input{font-size:1rem;padding:4px}section{break-inside:avoid}"
      + "@media print{header form,header a,form,.noprint{display:none}header{background:none;color:#000;border-bottom:2px solid #000}}";

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm");

  /** Finnish names of the content fields the paths give (the API's keys). */
  private static final Map<String, String> FIELDS = Map.of(
      "statusName", "Tila", "reason", "Syy", "followOnPaths", "Jatkopolut", "caseManager", "Asiakasvastaava");

  private CaseHtml() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    // Spring's escaping with UTF-8 leaves Finnish letters as they are and escapes < > & " '.
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  static String time(Instant at) {
    return at == null ? "" : at.atZone(WorkingDays.FINLAND).format(TIME);
  }

  static String day(LocalDate day) {
    return day == null ? "" : day.format(DAY);
  }

  static String day(Instant at) {
    return at == null ? "" : at.atZone(WorkingDays.FINLAND).format(DAY);
  }

  static String scopeName(ConsentScope scope) {
    return switch (scope) {
      case STATUS -> "tila (vaiheiden eteneminen)";
      case PLAN -> "suunnitelma";
      case HEALTH -> "terveystiedot";
      case EMPLOYER -> "työnantajalle kerrottavat (tuettu työllistyminen)";
    };
  }

  /** The bar on top of every page: the search box, the worker's own cases, who is logged in. */
  static String header(StaffUser user, String searched) {
    return "<header><strong>Polku · Asiakkuus</strong><nav>"
        + "<form method=\"get\" action=\"/cases\" role=\"search\"><input name=\"q\" id=\"search\" aria-label=\"Asianumero\""
        + " placeholder=\"TK-2026-000123\" value=\"" + escape(searched) + "\"><button type=\"submit\">Hae</button></form>"
        + "<a href=\"/cases/mine\">Omat asiakkaat</a>"
        + (UnaccountedCasesPage.mayRead(user) ? "<a href=\"/cases/unaccounted\">Tilittämättömät</a>" : "")
        + "<a href=\"/camunda/app/tasklist/\">Tehtävät</a>"
        + "<span>" + escape(user.fullName()) + " · <a href=\"/cases/logout\">Kirjaudu ulos</a></span></nav></header>";
  }

  static String notFound(StaffUser user, String caseNumber) {
    return header(user, caseNumber) + "<main><h1>Asiakkuutta ei löydy</h1><p>Asianumerolla <b>" + escape(caseNumber)
        + "</b> ei löydy asiakkuutta, jota voisit katsoa. Tarkista numero (muoto TK-2026-000123).</p>"
        + "<p><a href=\"/cases/mine\">Omat asiakkaat</a></p></main>";
  }

  static String search(StaffUser user) {
    return header(user, null) + "<main><h1>Hae asiakkuus</h1><p>Kirjoita asianumero yläpalkin hakukenttään"
        + " (esim. TK-2026-000123) tai avaa <a href=\"/cases/mine\">omat asiakkaasi</a>.</p></main>";
  }

  static String login(String error, String next) {
    return "<main class=\"login\"><h1>Polku · Asiakkuus</h1><p>Kirjaudu Polun käyttäjätunnuksella.</p>"
        + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>")
        + "<form method=\"post\" action=\"/cases/login\"><input type=\"hidden\" name=\"next\" value=\"" + escape(next) + "\">"
        + "<label>Käyttäjätunnus <input name=\"username\" id=\"username\" autocomplete=\"username\" required></label>"
        + "<label>Salasana <input name=\"password\" id=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
        + "<button type=\"submit\" id=\"login\">Kirjaudu</button></form></main>";
  }

  static String page(CaseView view, StaffUser user, String notice, String error) {
    StringBuilder html = new StringBuilder(header(user, view.caseNumber())).append("<main>");
    html.append("<h1>Asiakkuus ").append(escape(view.caseNumber())).append("</h1>");
    if (notice != null) {
      html.append("<p class=\"ok\" role=\"status\">").append(escape(notice)).append("</p>");
    }
    if (error != null) {
      html.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
    }
    html.append("<dl class=\"client\" id=\"client\"><dt>Asiakas</dt><dd id=\"client-name\">")
        .append(view.clientName() == null ? "<i>nimi puuttuu</i>" : escape(view.clientName()))
        .append("</dd><dt>Henkilötunnus</dt><dd id=\"identity-code\">").append(escape(view.maskedIdentityCode()))
        .append("</dd><dt>Kunta</dt><dd>").append(escape(view.municipality()))
        .append("</dd><dt>Avattu</dt><dd>").append(time(view.openedAt())).append(", ").append(escape(view.openedBy().finnishName()))
        .append("</dd><dt>Mukana</dt><dd>").append(escape(String.join(", ", view.participants().stream().map(Agency::finnishName).toList())))
        .append("</dd><dt>Asiointikieli</dt><dd id=\"language\">").append(view.language().finnishName())
        .append("</dd></dl>");
    html.append(ResponsibleHtml.section(view, user));
    paths(html, view);
    content(html, view);
    ConsentHtml.consents(html, view, user);
    timeline(html, view);
    return html.append("</main>").toString();
  }

  private static void paths(StringBuilder html, CaseView view) {
    html.append("<section id=\"paths\"><h2>Palvelupolut</h2>");
    if (view.paths().isEmpty()) {
      html.append("<p class=\"note\">Asiakkuudella ei ole vielä palvelupolkua.</p></section>");
      return;
    }
    html.append("<table><thead><tr><th>Polku</th><th>Tila</th><th>Nykyinen vaihe</th><th>Kenellä</th><th>Määräaika</th></tr></thead><tbody>");
    for (CaseView.Path path : view.paths()) {
      String state = path.running() ? "<span class=\"badge run\">käynnissä</span><br>alkoi " + day(path.startedAt())
          : "<span class=\"badge\">päättynyt</span> " + day(path.endedAt()) + (path.endState() == null ? "" : "<br>" + escape(path.endState()));
      int rows = Math.max(1, path.steps().size());
      // The path and its state once, beside all the steps it waits at.
      html.append("<tr><td rowspan=\"").append(rows).append("\">").append(escape(path.name())).append("</td><td rowspan=\"")
          .append(rows).append("\">").append(state).append("</td>");
      if (path.steps().isEmpty()) {
        html.append("<td>").append(path.running() ? "automaattinen vaihe" : "–").append("</td><td></td><td></td></tr>");
        continue;
      }
      boolean first = true;
      for (CaseView.Step step : path.steps()) {
        html.append(first ? "" : "<tr>").append("<td>").append(escape(step.name())).append("</td><td>")
            .append(step.holder() == null ? "–" : escape(step.holder()))
            .append("</td><td class=\"when").append(step.overdue() ? " overdue\">myöhässä: " : "\">")
            .append(step.dueAt() == null ? "ei määräaikaa" : time(step.dueAt())).append("</td></tr>");
        first = false;
      }
    }
    html.append("</tbody></table></section>");
  }

  private static void content(StringBuilder html, CaseView view) {
    html.append("<section id=\"content\"><h2>Suunnitelma ja tiedot</h2>");
    List<CaseContent> shown = view.content();
    if (shown.isEmpty()) {
      html.append("<p class=\"note\">Ei näytettäviä tietoja.</p>");
    }
    for (CaseContent piece : shown) {
      html.append("<div class=\"piece\" data-scope=\"").append(piece.scope().code()).append("\"><h3>").append(escape(piece.title()))
          .append(" <span class=\"badge\">").append(escape(piece.owner().finnishName())).append("</span></h3><table class=\"fields\"><tbody>");
      piece.data().forEach((key, value) -> {
        if (!"history".equals(key) && !"status".equals(key) && value != null) {
          html.append("<tr><th>").append(escape(FIELDS.getOrDefault(key, key))).append("</th><td>")
              .append(escape(text(key, value))).append("</td></tr>");
        }
      });
      html.append("</tbody></table></div>");
    }
    html.append("<p class=\"note\">Toisen tahon suunnitelma- ja terveystiedot näkyvät vain, kun asiakkaan suostumus niiden"
        + " luovuttamiseen on voimassa. Jokainen tarkistus kirjataan lokiin.</p></section>");
  }

  private static String text(String key, Object value) {
    if (value instanceof Collection<?> values) {
      return String.join(", ", values.stream().map(item -> FollowOnPaths.label(key, String.valueOf(item))).toList());
    }
    return String.valueOf(value);
  }

  private static void timeline(StringBuilder html, CaseView view) {
    html.append("<section id=\"timeline\"><h2>Tapahtumat</h2><table><thead><tr><th>Aika</th><th>Tapahtuma</th><th>Tarkemmin</th></tr></thead><tbody>");
    for (CaseView.Event event : view.timeline()) {
      html.append("<tr><td class=\"when\">").append(time(event.at())).append("</td><td>").append(escape(event.what())).append("</td><td>")
          .append(escape(event.detail())).append("</td></tr>");
    }
    html.append("</tbody></table></section>");
  }
}
