package fi.polku.casepage;

import fi.polku.calendar.WorkingDays;
import static fi.polku.casepage.CasePageSession.loggedIn;
import static fi.polku.casepage.CasePageSession.post;
import static fi.polku.casepage.CasePageSession.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.support.HttpTestClient;
import fi.polku.support.TestReferrals;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Vaihda asiakasvastaava" on the case page, the responsible worker and their history shown there,
 * the client's language, and the consent form's dates written the Finnish way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:polku-casepage-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class CaseManagerChangeTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  String caseNumber;

  @BeforeEach
  void aSwedishSpeakingClientsCaseManagedByTheCoordinator() throws Exception {
    HttpResponse<String> created = new HttpTestClient(port).postJson("/api/cases", "te-system",
        "{\"identityCode\":\"" + TestReferrals.randomTestCode() + "\",\"name\":\"Maja Malm\",\"email\":\"maja@polku.invalid\","
            + "\"municipality\":\"Vaasa\",\"language\":\"sv\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();
    // The coordinator took the client over earlier on the hand-over path.
    jdbc.update("insert into case_responsible (case_number, user_id, case_manager, reason, since, set_by)"
        + " values (?, 'koordinaattori', true, 'take-over', ?, 'koordinaattori')", caseNumber, Timestamp.from(Instant.now()));
  }

  @Test
  void theApiRefusesALanguageOtherThanFinnishOrSwedishNamingTheField() {
    HttpResponse<String> refused = new HttpTestClient(port).postJson("/api/cases", "te-system",
        "{\"identityCode\":\"" + TestReferrals.randomTestCode() + "\",\"municipality\":\"Vaasa\",\"language\":\"en\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("language").contains("one of fi, sv");
  }

  @Test
  void thePageShowsTheCaseManagerTheLanguageAndFinnishDates() {
    String page = loggedIn(port, "koordinaattori").get("/cases/" + caseNumber, null).body();

    assertThat(page).contains("Vastuutyöntekijä ja asiakasvastaava").contains("<b>Kaisa Koordinaattori</b> (koordinaattori)")
        .contains("otti asiakkaan vastaan työllisyyspalveluissa").contains("id=\"language\">ruotsi");
    String today = LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).format(DateTimeFormatter.ofPattern("d.M.yyyy"));
    assertThat(page).as("the consent's dates as Finns write them, whatever the browser's language")
        .contains("name=\"givenOn\" id=\"givenOn\" required").contains("value=\"" + today + "\"")
        .doesNotContain("type=\"date\"");
  }

  @Test
  void aConsentWithFinnishDatesIsRecorded() {
    HttpTestClient coordinator = loggedIn(port, "koordinaattori");
    String token = token(coordinator.get("/cases/" + caseNumber, null).body());
    LocalDate given = LocalDate.now(WorkingDays.FINLAND).minusDays(3);
    HttpResponse<String> recorded = post(coordinator, "/cases/" + caseNumber + "/consents", "_csrf=" + encode(token)
        + "&fromAgency=te&toAgency=sote&scope=status&givenOn=" + given.format(DateTimeFormatter.ofPattern("d.M.yyyy"))
        + "&validUntil=31.12." + (given.getYear() + 1) + "&channel=phone");

    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(303);
    assertThat(jdbc.queryForObject("select given_on from consent where case_number = ?", java.sql.Date.class, caseNumber)
        .toLocalDate()).isEqualTo(given);
  }

  @Test
  void theCaseManagerHandsTheCaseOverWithANoteAndTheClientIsToldInSwedish() {
    HttpTestClient coordinator = loggedIn(port, "koordinaattori");
    String page = coordinator.get("/cases/" + caseNumber, null).body();
    assertThat(page).contains("Vaihda asiakasvastaava").contains("<option value=\"tiimi\">Tiina Tiimi (tiimi)</option>")
        .doesNotContain("<option value=\"koordinaattori\">");

    HttpResponse<String> forged = post(coordinator, "/cases/" + caseNumber + "/responsible",
        "_csrf=wrong&newUser=tiimi&note=Siirto");
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> noNote = post(coordinator, "/cases/" + caseNumber + "/responsible",
        "_csrf=" + encode(token(page)) + "&newUser=tiimi&note=");
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(noNote.body()).contains("kirjoita siirtoviesti");

    HttpResponse<String> changed = post(coordinator, "/cases/" + caseNumber + "/responsible",
        "_csrf=" + encode(token(page)) + "&newUser=tiimi&note=" + encode("Asiakas siirtyy tiimin seurantaan."));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);

    String after = coordinator.get("/cases/" + caseNumber + "?done=responsible", null).body();
    assertThat(after).contains("Asiakasvastaava vaihdettu").contains("<b>Tiina Tiimi</b> (tiimi)")
        .contains("Asiakas siirtyy tiimin seurantaan.").contains("Kaisa Koordinaattori (koordinaattori)")
        .as("the previous case manager may no longer hand it on").doesNotContain("id=\"change-responsible\"");
    assertThat(jdbc.queryForObject("select subject from mail_outbox where case_number = ? and template = 'case-manager-changed'",
        String.class, caseNumber)).isEqualTo("Du har fått en ny klientansvarig (" + caseNumber + ")");
  }

  @Test
  void someoneWhoIsNeitherTheCaseManagerNorATeamLeadCannotHandTheCaseOver() {
    HttpTestClient admin = loggedIn(port, "koordinaattori");
    String token = token(admin.get("/cases/" + caseNumber, null).body());
    jdbc.update("update case_responsible set user_id = 'palveluohjaaja' where case_number = ?", caseNumber);

    String page = admin.get("/cases/" + caseNumber, null).body();
    assertThat(page).doesNotContain("id=\"change-responsible\"");
    HttpResponse<String> refused = post(admin, "/cases/" + caseNumber + "/responsible",
        "_csrf=" + encode(token) + "&newUser=tiimi&note=Siirto");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from case_responsible where case_number = ?", Integer.class, caseNumber))
        .isOne();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
