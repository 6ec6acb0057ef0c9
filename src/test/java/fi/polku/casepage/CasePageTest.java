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
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The case page on the embedded default: who sees a case (as in the API), the masked identity
 * code, the consent screen's CSRF protection, and a consent recorded and withdrawn there taking
 * the receiving agency in and out of the case at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // A database of its own: this context would otherwise be cached before the process tests'
    // engines change the shared in-memory database under it, and PlatformSecurityTest, reusing it,
    // then found no task for the counsellor.
    properties = "spring.datasource.url=jdbc:h2:mem:polku-casepage-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class CasePageTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired fi.polku.healthcheck.HealthCheckService healthChecks;
  String identityCode;
  String caseNumber;

  @BeforeEach
  void aCaseOpenedByEmploymentServices() throws Exception {
    identityCode = TestReferrals.randomTestCode();
    HttpResponse<String> created = new HttpTestClient(port).postJson("/api/cases", "te-system",
        "{\"identityCode\":\"" + identityCode + "\",\"name\":\"Maija Meikäläinen\",\"municipality\":\"Vaasa\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();
  }

  @Test
  void staffOfTheOpeningAgencySeeTheClientWithTheIdentityCodeMasked() {
    HttpResponse<String> page = loggedIn(port, "koordinaattori").get("/cases/" + caseNumber, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Asiakkuus " + caseNumber).contains("Maija Meikäläinen")
        .contains(identityCode.substring(0, 7) + "****").doesNotContain(identityCode.substring(7))
        .contains("Suostumukset").contains("Kirjaa suostumus");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void staffOfAnAgencyTakingNoPartGetTheSamePageAsForACaseThatDoesNotExist() {
    HttpTestClient outsider = loggedIn(port, "tyoterveys");
    HttpResponse<String> hidden = outsider.get("/cases/" + caseNumber, null);
    HttpResponse<String> missing = outsider.get("/cases/TK-1999-999999", null);

    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(hidden.body().replace(caseNumber, "X")).isEqualTo(missing.body().replace("TK-1999-999999", "X"));
    assertThat(hidden.body()).doesNotContain("Maija").doesNotContain(identityCode.substring(0, 6));
  }

  @Test
  void theSearchBoxLeadsToTheCaseAndNobodyUnknownGetsIn() {
    HttpResponse<String> anonymous = new HttpTestClient(port).get("/cases/" + caseNumber, null);
    HttpResponse<String> searched = loggedIn(port, "koordinaattori").get("/cases?q=" + caseNumber.toLowerCase(), null);

    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).startsWith("/cases/login");
    assertThat(searched.statusCode()).isEqualTo(303);
    assertThat(searched.headers().firstValue("Location")).hasValue("/cases/" + caseNumber);
  }

  @Test
  void aConsentFormWithoutTheSessionsTokenIsRefused() {
    HttpTestClient coordinator = loggedIn(port, "koordinaattori");
    coordinator.get("/cases/" + caseNumber, null);

    HttpResponse<String> forged = post(coordinator, "/cases/" + caseNumber + "/consents", consentForm("oh", "wrong-token"));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from consent where case_number = ?", Integer.class, caseNumber)).isZero();
  }

  @Test
  void aConsentRecordedOnThePageLetsTheReceiverInAndItsWithdrawalTakesItOutAtOnce() {
    HttpTestClient coordinator = loggedIn(port, "koordinaattori");
    HttpTestClient occupationalHealth = loggedIn(port, "tyoterveys");

    HttpResponse<String> recorded = post(coordinator, "/cases/" + caseNumber + "/consents",
        consentForm("oh", token(coordinator.get("/cases/" + caseNumber, null).body())));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(303);
    assertThat(jdbc.queryForObject("select channel from consent where case_number = ?", String.class, caseNumber))
        .isEqualTo("phone");
    String page = coordinator.get("/cases/" + caseNumber + "?done=recorded", null).body();
    assertThat(page).contains("Suostumus kirjattu.").contains("puhelimessa").contains("Peru suostumus");
    assertThat(occupationalHealth.get("/cases/" + caseNumber, null).statusCode()).isEqualTo(200);

    Matcher withdrawal = Pattern.compile("action=\"(/cases/[^\"]+/withdrawal)\"").matcher(page);
    assertThat(withdrawal.find()).isTrue();
    HttpResponse<String> withdrawn = post(coordinator, withdrawal.group(1), "_csrf=" + token(page));

    assertThat(withdrawn.statusCode()).isEqualTo(303);
    assertThat(occupationalHealth.get("/cases/" + caseNumber, null).statusCode()).isEqualTo(404);
    assertThat(coordinator.get("/cases/" + caseNumber, null).body()).contains("peruttu");
  }

  @Test
  void employmentServicesSeeTheHealthCheckSummaryOnThePageOnlyWithConsentAndTheFindingsOnlyWithAHealthConsent() {
    fi.polku.healthcheck.HealthCheckService.Intake check = healthChecks.open(new fi.polku.healthcheck.HealthCheckService
        .NewHealthCheck(fi.polku.cases.PersonalIdentityCode.parse(TestReferrals.randomTestCode()), "Maija Meikäläinen",
            null, null, "Vaasa", "invitation", "normal", fi.polku.cases.Agency.TE, "te-system"));
    healthChecks.recordOutcome(check.caseNumber(), "none", "green");
    healthChecks.recordFindings(check.caseNumber(), new fi.polku.healthcheck.HealthCheckService.Findings(
        "Uupumusta, univaikeuksia", "Liikuntaa ja unirytmi kuntoon", "Haluaa töihin"), "Ei jatko-ohjausta");
    HttpTestClient coordinator = loggedIn(port, "koordinaattori");

    assertThat(coordinator.get("/cases/" + check.caseNumber(), null).body()).as("without consent")
        .doesNotContain("Liikuntaa ja unirytmi kuntoon").doesNotContain("Uupumusta");

    healthChecks.recordConsent(check.caseNumber(), LocalDate.now(WorkingDays.FINLAND).plusMonths(6), false, "terveydenhoitaja");
    assertThat(coordinator.get("/cases/" + check.caseNumber(), null).body()).as("with a plan consent")
        .contains("Liikuntaa ja unirytmi kuntoon").doesNotContain("Uupumusta");

    healthChecks.recordConsent(check.caseNumber(), LocalDate.now(WorkingDays.FINLAND).plusMonths(6), true, "terveydenhoitaja");
    assertThat(coordinator.get("/cases/" + check.caseNumber(), null).body()).as("with a health consent")
        .contains("Liikuntaa ja unirytmi kuntoon").contains("Uupumusta");
  }

  private String consentForm(String to, String token) {
    return "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&fromAgency=te&toAgency=" + to + "&scope=status"
        + "&givenOn=" + LocalDate.now(WorkingDays.FINLAND).minusDays(1) + "&validUntil=" + LocalDate.now(WorkingDays.FINLAND).plusYears(1) + "&channel=phone";
  }
}
