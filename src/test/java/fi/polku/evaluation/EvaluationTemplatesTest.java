package fi.polku.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mustache.MustacheResourceTemplateLoader;
import org.springframework.http.HttpStatus;

/**
 * The evaluation's pages from their templates: every figure, label and filter value a user or
 * another system could have typed reaches the page escaped, the small-number cells show "< 5",
 * and every metric gets its section with its table.
 */
class EvaluationTemplatesTest {

  private static final String HOSTILE = "<script>alert('x')</script> & \"lainaus\"";

  private final EvaluationTemplates templates = new EvaluationTemplates(
      Mustache.compiler().withLoader(new MustacheResourceTemplateLoader("classpath:/templates/", ".mustache")));

  @Test
  void aLabelOrMunicipalityWithMarkupIsShownAsTextNotRunAsScript() throws Exception {
    String page = templates.page(HttpStatus.OK, "report", ReportModel.of(report(), "tiina.esihenkilo")).getBody();
    Files.writeString(Files.createDirectories(Path.of("target")).resolve("evaluation-page.html"), page);

    assertThat(page).doesNotContain("<script")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;lainaus&quot;")
        .contains("value=\"Jyväskylä &lt;b&gt;\"")
        .contains("&amp;municipality=Jyv%C3%A4skyl%C3%A4+%3Cb%3E&amp;format=csv");
  }

  @Test
  void everyMetricHasItsSectionAndASmallNumberShowsAsLessThanFive() {
    String page = templates.page(HttpStatus.OK, "report", ReportModel.of(report(), "tiina.esihenkilo")).getBody();

    for (String metric : List.of("clients", "clients-per-month", "lead-time", "follow-on", "work-ability-change")) {
      assertThat(page).contains("<section id=\"" + metric + "\"><h2>" + Labels.METRICS.get(metric) + "</h2>");
    }
    assertThat(page).startsWith("<!DOCTYPE html><html lang=\"fi\">").contains("<title>Polun arviointi – Polku</title>")
        .contains("<td class=\"num suppressed\">&lt; 5</td>").contains("<td class=\"num\">2,5</td>")
        .contains("<td class=\"num\">–</td>").contains("<option value=\"te-referral\" selected>")
        .contains("<svg");
  }

  @Test
  void theLoginErrorAndABadFilterAreEscapedToo() {
    String login = templates.render("login", Map.of("title", "Kirjaudu", "error", List.of(HOSTILE)));
    String invalid = templates.render("invalid", Map.of("title", "Virheellinen rajaus", "field", "from",
        "message", HOSTILE));

    assertThat(login).doesNotContain("<script").contains("<p class=\"error\" role=\"alert\">&lt;script&gt;");
    assertThat(templates.render("login", Map.of("title", "Kirjaudu", "error", List.of()))).doesNotContain("class=\"error\"");
    assertThat(invalid).doesNotContain("<script").contains("Kenttä <b>from</b>: &lt;script&gt;");
  }

  /** Every kind of row: paths and months, a suppressed cell, a missing value, an empty table, a hostile label. */
  private static EvaluationReport report() {
    List<Figure> figures = new ArrayList<>();
    for (String path : EvaluationQuery.PATHS) {
      figures.add(Figure.count("clients", path, "total", "Yhteensä", 42));
      figures.add(Figure.count("clients", path, "tasklist", "Tehtävälistan lomake", 3));
      figures.add(Figure.count("clients-per-month", path, "2026-01", "2026-01", 12));
    }
    figures.add(new Figure("lead-time", "te-referral", "referral-to-triage", "Lähete → ohjauksen vahvistus", "median", 2.5, 30));
    figures.add(new Figure("lead-time", "te-referral", "referral-to-triage", "Lähete → ohjauksen vahvistus", "mean", null, 0));
    figures.add(Figure.count("follow-on", "te-referral", "x", HOSTILE, 9));
    figures.add(Figure.count("work-ability-change", "all", "whodas:improved", "WHODAS: parantunut", 8));
    EvaluationQuery query = new EvaluationQuery(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
        Optional.of("te-referral"), Optional.of("Jyväskylä <b>"));
    return new EvaluationReport(query, Instant.parse("2026-04-01T10:15:00Z"), figures);
  }
}
