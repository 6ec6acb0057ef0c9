package fi.polku.casepage;

import static fi.polku.casepage.CaseHtml.day;
import static fi.polku.casepage.CaseHtml.escape;
import static fi.polku.casepage.CaseHtml.scopeName;
import static fi.polku.casepage.CaseHtml.time;

import fi.polku.cases.Agency;
import fi.polku.consent.Consent;
import fi.polku.consent.ConsentChannel;
import fi.polku.consent.ConsentScope;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The case page's consent screen: the consents in force (each with its withdrawal button), the
 * past ones with why they ended, and the form that records a new consent.
 */
final class ConsentHtml {

  private ConsentHtml() {}

  static void consents(StringBuilder html, CaseView view, StaffUser user) {
    html.append("<section id=\"consents\"><h2>Suostumukset</h2><h3>Voimassa</h3>");
    consentTable(html, view.consentsInForce(), view, user, true);
    html.append("<h3>Päättyneet ja perutut</h3>");
    consentTable(html, view.pastConsents(), view, user, false);
    html.append("<h3>Kirjaa suostumus</h3><p class=\"note\">Kirjaa asiakkaan antama suostumus heti, kun asiakas on sen antanut."
        + " Peruminen tulee voimaan heti: seuraava tietojen luovutus ei enää onnistu.</p>")
        .append("<form class=\"consent\" id=\"new-consent\" method=\"post\" action=\"/cases/").append(escape(view.caseNumber()))
        .append("/consents\">").append(csrf(user))
        .append(select("Luovuttaja", "fromAgency", List.of(Agency.values()), Agency::code, Agency::finnishName))
        .append(select("Vastaanottaja", "toAgency", List.of(Agency.values()), Agency::code, Agency::finnishName))
        .append(select("Tiedot", "scope", List.of(ConsentScope.values()), ConsentScope::code, CaseHtml::scopeName))
        .append(dateInput("Annettu", "givenOn", view.today()))
        .append(dateInput("Voimassa asti", "validUntil", view.today().plusYears(1)))
        .append(select("Miten annettu", "channel", List.of(ConsentChannel.values()), ConsentChannel::code, ConsentChannel::finnishName))
        .append("<button type=\"submit\" id=\"record-consent\">Kirjaa suostumus</button></form></section>");
  }

  private static void consentTable(StringBuilder html, List<Consent> consents, CaseView view, StaffUser user, boolean inForce) {
    if (consents.isEmpty()) {
      html.append("<p class=\"note\">Ei suostumuksia.</p>");
      return;
    }
    html.append("<table class=\"consents\" id=\"").append(inForce ? "consents-in-force" : "consents-past")
        .append("\"><thead><tr><th>Luovuttaja</th><th>Vastaanottaja</th><th>Tiedot</th><th>Annettu</th><th>Voimassa asti</th>"
            + "<th>Miten annettu</th><th>Kirjannut</th><th>").append(inForce ? "" : "Tila").append("</th></tr></thead><tbody>");
    for (Consent consent : consents) {
      html.append("<tr data-consent=\"").append(consent.id()).append("\"><td>").append(escape(consent.fromAgency().finnishName()))
          .append("</td><td>").append(escape(consent.toAgency().finnishName())).append("</td><td>").append(escape(scopeName(consent.scope())))
          .append("</td><td>").append(day(consent.givenOn())).append("</td><td>").append(day(consent.validUntil()))
          .append("</td><td>").append(consent.channel() == null ? "–" : escape(consent.channel().finnishName()))
          .append("</td><td>").append(escape(consent.recordedBy())).append(", ").append(day(consent.recordedAt()))
          .append("</td><td>");
      if (inForce) {
        html.append("<form class=\"inline\" method=\"post\" action=\"/cases/").append(escape(view.caseNumber())).append("/consents/")
            .append(consent.id()).append("/withdrawal\">").append(csrf(user))
            .append("<button type=\"submit\" class=\"withdraw\">Peru suostumus</button></form>");
      } else if (consent.withdrawnAt() != null) {
        html.append("peruttu ").append(time(consent.withdrawnAt())).append(" (").append(escape(consent.withdrawnBy())).append(")");
      } else if (consent.validUntil().isBefore(view.today())) {
        html.append("päättynyt");
      } else {
        html.append("alkaa ").append(day(consent.givenOn()));
      }
      html.append("</td></tr>");
    }
    html.append("</tbody></table>");
  }

  /**
   * A date field in the Finnish way (30.11.2026) whatever the browser's language: a browser's own
   * date picker writes the date in its locale's order (11/30/2026 in an English browser).
   */
  private static String dateInput(String label, String name, LocalDate value) {
    return "<label>" + label + " <input type=\"text\" name=\"" + name + "\" id=\"" + name + "\" required inputmode=\"numeric\""
        + " pattern=\"\\d{1,2}\\.\\d{1,2}\\.\\d{4}\" placeholder=\"pp.kk.vvvv\" size=\"10\" title=\"päivämäärä muodossa 30.11.2026\""
        + " value=\"" + day(value) + "\"></label>";
  }

  private static String csrf(StaffUser user) {
    return "<input type=\"hidden\" name=\"_csrf\" value=\"" + escape(user.csrfToken()) + "\">";
  }

  private static <T> String select(String label, String name, List<T> options, Function<T, String> value, Function<T, String> text) {
    // No choice made for the user: an empty first option, and the browser insists on a choice.
    StringBuilder html = new StringBuilder("<label>").append(label).append(" <select name=\"").append(name).append("\" id=\"")
        .append(name).append("\" required><option value=\"\">valitse</option>");
    for (T option : options) {
      html.append("<option value=\"").append(escape(value.apply(option))).append("\">").append(escape(text.apply(option))).append("</option>");
    }
    return html.append("</select></label>").toString();
  }
}
