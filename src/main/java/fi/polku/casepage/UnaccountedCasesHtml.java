package fi.polku.casepage;

import static fi.polku.casepage.CaseHtml.escape;
import static fi.polku.casepage.CaseHtml.header;
import static fi.polku.casepage.CaseHtml.time;

import fi.polku.onward.UnaccountedCases.Reason;
import fi.polku.onward.UnaccountedCases.UnaccountedCase;
import fi.polku.security.StaffGroup;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The HTML of "Tilittämättömät asiakkaat" (/cases/unaccounted), in Finnish, with the look of the case page. */
final class UnaccountedCasesHtml {

  private UnaccountedCasesHtml() {}

  static String list(StaffUser user, List<UnaccountedCase> cases, Function<String, String> fullName) {
    StringBuilder html = new StringBuilder(header(user, null)).append("<main><h1>Tilittämättömät asiakkaat</h1>")
        .append("<p class=\"note\">Asiakkaat, joista kukaan ei vastaa juuri nyt: jatko-ohjaus on palautettu tai siihen ei ole"
            + " vastattu määräajassa eikä lähettäjä ole päättänyt jatkosta, tai polku päättyi ohjaukseen muualle eikä"
            + " kukaan ottanut asiakasta vastaan. Pisimpään odottaneet ensin. Asiakas poistuu luettelosta, kun"
            + " vastaanottaja hyväksyy ohjauksen tai lähettäjä tekee päätöksen (tehtävä ”Päätä jatko-ohjauksen jatko”);"
            + " päättyneen polun asiakas, kun hänelle tehdään jatko-ohjaus tai uusi polku alkaa.</p>");
    html.append("<p id=\"unaccounted-count\"><b>").append(cases.size()).append("</b> ")
        .append(cases.size() == 1 ? "asiakas" : "asiakasta").append(" · tavoite 0</p>");
    if (cases.isEmpty()) {
      return html.append("<p class=\"ok\" role=\"status\">Kaikista asiakkaista vastaa joku.</p></main>").toString();
    }
    html.append("<table id=\"unaccounted\"><thead><tr><th>Asiakkuus</th><th>Kunta</th><th>Miksi</th><th>Kenen päätettävä</th>"
        + "<th>Alkaen</th><th>Kesto</th></tr></thead><tbody>");
    for (UnaccountedCase unaccounted : cases) {
      html.append("<tr><td class=\"when\"><a href=\"/cases/").append(escape(unaccounted.caseNumber())).append("\">")
          .append(escape(unaccounted.caseNumber())).append("</a></td><td>").append(escape(unaccounted.municipality()))
          .append("</td><td>");
      for (Reason reason : unaccounted.reasons()) {
        html.append("<div>").append(escape(reason.gap().finnishName())).append("<br><span class=\"note\">")
            .append(escape(reason.what())).append("</span></div>");
      }
      html.append("</td><td>");
      for (Reason reason : unaccounted.reasons()) {
        html.append("<div>").append(escape(holder(reason, fullName))).append("</div>");
      }
      html.append("</td><td class=\"when\">").append(time(unaccounted.since())).append("</td><td class=\"when")
          .append(unaccounted.workingDays() >= 5 ? " overdue" : "").append("\">")
          .append(length(unaccounted.workingDays(), unaccounted.duration())).append("</td></tr>");
    }
    return html.append("</tbody></table></main>").toString();
  }

  /** Who decides: the sender's responsible worker and group, or the team lead for a path that ended. */
  private static String holder(Reason reason, Function<String, String> fullName) {
    String group = reason.responsibleGroup() == null ? null
        : StaffGroup.ofId(reason.responsibleGroup()).map(StaffGroup::groupName).orElse(reason.responsibleGroup());
    if (reason.responsibleWorker() != null) {
      return fullName.apply(reason.responsibleWorker()) + (group == null ? "" : " (" + group + ")");
    }
    if (group != null) {
      return group;
    }
    return "ei kenelläkään – esihenkilö ohjaa";
  }

  /** "3 työpäivää (4 vrk)", or hours on the first day. */
  static String length(long workingDays, Duration duration) {
    long days = duration.toDays();
    if (days == 0) {
      return duration.toHours() + " h";
    }
    return workingDays + (workingDays == 1 ? " työpäivä" : " työpäivää") + " (" + days + " vrk)";
  }
}
