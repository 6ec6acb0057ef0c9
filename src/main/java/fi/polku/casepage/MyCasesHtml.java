package fi.polku.casepage;

import static fi.polku.casepage.CaseHtml.escape;
import static fi.polku.casepage.CaseHtml.header;
import static fi.polku.casepage.CaseHtml.time;

import java.util.List;

/** The HTML of "Omat asiakkaat" (/cases/mine), in Finnish, with the look of the case page. */
final class MyCasesHtml {

  private MyCasesHtml() {}

  static String mine(StaffUser user, List<MyCases.MyCase> cases) {
    StringBuilder html = new StringBuilder(header(user, null)).append("<main><h1>Omat asiakkaat</h1>")
        .append("<p class=\"note\">Asiakkuudet, joiden vastuutyöntekijä tai asiakasvastaava olet, ne, joissa sinulla on tehtävä,"
            + " ja ne, joissa viimeksi tehty tehtävä on sinun."
            + " Myöhässä olevat ensin, sitten seuraavan määräajan mukaan.</p>");
    if (cases.isEmpty()) {
      return html.append("<p>Sinulla ei ole asiakkuuksia. Ota tehtävä itsellesi <a href=\"/camunda/app/tasklist/\">tehtävälistasta</a>.</p></main>").toString();
    }
    html.append("<table id=\"my-cases\"><thead><tr><th>Asiakkuus</th><th>Asiakas</th><th>Seuraavaksi</th><th>Kenellä</th>"
        + "<th>Määräaika</th><th>Myöhässä</th></tr></thead><tbody>");
    for (MyCases.MyCase myCase : cases) {
      MyCases.OpenStep next = myCase.next();
      html.append("<tr><td><a href=\"/cases/").append(escape(myCase.caseNumber())).append("\">").append(escape(myCase.caseNumber()))
          .append("</a></td><td>").append(escape(myCase.clientName())).append("</td><td>")
          .append(next == null ? "ei avoimia tehtäviä" : escape(next.name()) + "<br><span class=\"note\">" + escape(next.pathName()) + "</span>")
          .append("</td><td>").append(next == null || next.holder() == null ? "" : next.mine() ? "sinä" : escape(next.holder()))
          .append("</td><td").append(next != null && next.overdue() ? " class=\"overdue\">" : ">")
          .append(next == null ? "" : time(next.dueAt())).append("</td><td")
          .append(myCase.overdue() > 0 ? " class=\"overdue\">" + myCase.overdue() + " tehtävää" : ">–").append("</td></tr>");
    }
    return html.append("</tbody></table></main>").toString();
  }
}
