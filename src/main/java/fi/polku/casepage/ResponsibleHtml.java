package fi.polku.casepage;

import static fi.polku.casepage.CaseHtml.escape;
import static fi.polku.casepage.CaseHtml.time;

import fi.polku.responsible.Responsible;
import fi.polku.responsible.ResponsibleWorkers;

/**
 * The case page's "Vastuutyöntekijä" section: who is responsible now, who was when and why, and
 * for a team lead or the case manager the form that hands the case to someone else.
 */
final class ResponsibleHtml {

  private ResponsibleHtml() {}

  static String section(CaseView view, StaffUser user) {
    CaseView.Responsibility responsibility = view.responsibility();
    StringBuilder html = new StringBuilder("<section id=\"responsible\"><h2>Vastuutyöntekijä ja asiakasvastaava</h2>");
    Responsible now = responsibility.current();
    if (now == null) {
      html.append("<p class=\"note\" id=\"responsible-now\">Vastuutyöntekijää ei ole vielä nimetty: hänet nimetään, kun"
          + " polun ensimmäinen työntekijä on tehnyt vaiheensa.</p>");
    } else {
      html.append("<p id=\"responsible-now\"><b>").append(escape(now.name())).append("</b> (").append(escape(now.userId()))
          .append("), ").append(now.caseManager() ? "asiakasvastaava" : "vastuutyöntekijä").append(" ")
          .append(time(now.since())).append(" alkaen. Asiakkuuden tehtävät ohjautuvat hänelle; ryhmä näkee ne yhä.</p>");
    }
    if (!responsibility.history().isEmpty()) {
      html.append("<table id=\"responsible-history\"><thead><tr><th>Alkaen</th><th>Päättyen</th><th>Kuka</th><th>Rooli</th>"
          + "<th>Miksi</th><th>Siirtoviesti</th><th>Kirjannut</th></tr></thead><tbody>");
      for (Responsible spell : responsibility.history()) {
        html.append("<tr><td class=\"when\">").append(time(spell.since())).append("</td><td class=\"when\">")
            .append(spell.until() == null ? "nyt" : time(spell.until())).append("</td><td>").append(escape(spell.name()))
            .append(" (").append(escape(spell.userId())).append(")</td><td>")
            .append(spell.caseManager() ? "asiakasvastaava" : "vastuutyöntekijä").append("</td><td>")
            .append(escape(spell.reason().finnishText())).append("</td><td>").append(escape(spell.note()))
            .append("</td><td>").append(escape(spell.setBy())).append("</td></tr>");
      }
      html.append("</tbody></table>");
    }
    if (responsibility.mayChange()) {
      html.append("<h3>Vaihda asiakasvastaava</h3><p class=\"note\">Asiakkuus ja sen avoimet tehtävät siirtyvät valitsemallesi"
              + " työntekijälle, ja asiakas saa viestin uuden asiakasvastaavan yhteystiedoista. Kirjoita siirtoviestiin,"
              + " mitä uuden asiakasvastaavan pitää tietää; älä kirjoita terveystietoja.</p>")
          .append("<form class=\"consent\" id=\"change-responsible\" method=\"post\" action=\"/cases/")
          .append(escape(view.caseNumber())).append("/responsible\">")
          .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(escape(user.csrfToken())).append("\">")
          .append("<label>Uusi asiakasvastaava <select name=\"newUser\" id=\"newUser\" required><option value=\"\">valitse</option>");
      for (ResponsibleWorkers.Candidate candidate : responsibility.candidates()) {
        if (now == null || !candidate.userId().equals(now.userId())) {
          html.append("<option value=\"").append(escape(candidate.userId())).append("\">").append(escape(candidate.label()))
              .append("</option>");
        }
      }
      html.append("</select></label><label>Siirtoviesti <textarea name=\"note\" id=\"handoverNote\" rows=\"2\" cols=\"50\""
              + " maxlength=\"2000\" required></textarea></label>")
          .append("<button type=\"submit\" id=\"change-responsible-button\">Vaihda asiakasvastaava</button></form>");
    }
    return html.append("</section>").toString();
  }
}
