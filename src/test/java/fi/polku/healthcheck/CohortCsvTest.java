package fi.polku.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An invitation round's CSV carries the client's language when the export has the column. */
class CohortCsvTest {

  @Test
  void aLanguageColumnGivesEachRowItsClientsLanguage() {
    List<HealthCheckController.CohortRow> rows = CohortCsv.parse("""
        identityCode;name;municipality;unemploymentMonths;unemployed;coveredByOccupationalHealth;language
        010170-900J;Testi Ruotsi;Vaasa;14;true;false;sv
        020270-9022;Testi Suomi;Vaasa;14;true;false;
        """);

    assertThat(rows).extracting(HealthCheckController.CohortRow::language).containsExactly("sv", "");
  }

  @Test
  void anExportWithoutTheColumnLeavesTheLanguageToTheFinnishDefault() {
    List<HealthCheckController.CohortRow> rows = CohortCsv.parse("""
        identityCode;name;municipality;unemploymentMonths;unemployed;coveredByOccupationalHealth
        010170-900J;Testi Asiakas;Vaasa;14;true;false
        """);

    assertThat(rows).singleElement().extracting(HealthCheckController.CohortRow::language).isNull();
  }
}
