package fi.polku.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.calendar.WorkingDays;
import fi.polku.demo.DemoApi;
import fi.polku.demo.DemoClient;
import fi.polku.demo.DemoPaths;
import fi.polku.demo.Simulation;
import fi.polku.support.Browser;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives known clients through the three paths on PostgreSQL with the engine's clock under the
 * test's control (API calls, task completions, timers), then checks the exact figures the
 * evaluation returns: counts, medians, percentiles in working days, and "< 5" wherever a cell
 * describes one to four clients. The clients live in a municipality of their own, so the other
 * integration tests' cases do not count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
      .withPerMethodLifecycle(false);

  static final String LEAD = "it-esihenkilo";
  static final String MUNICIPALITY = "Arviointila " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
  /** Monday 2 March 2026, 9.00 in Finland: no public holiday in March. */
  static final Instant START = LocalDateTime.of(2026, 3, 2, 9, 0).atZone(WorkingDays.FINLAND).toInstant();
  static final Instant END = LocalDateTime.of(2026, 10, 30, 16, 0).atZone(WorkingDays.FINLAND).toInstant();
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired EvaluationService evaluation;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired WorkingDays workingDays;
  HttpTestClient http;

  @BeforeAll
  void driveTheClientsThroughThePaths() {
    http = new HttpTestClient(port);
    // The same staff as the other integration tests, so their group notices reach no one more.
    Map<String, String> staff = Map.of("te-coordinator", "it-koordinaattori", "sote-counsellor", "it-palveluohjaaja",
        "work-ability-team", "it-tiimi", "health-check-nurse", "it-terveydenhoitaja",
        "oh-professional", "it-tyoterveys", "team-lead", LEAD);
    staff.forEach((group, user) -> staff(user, group));
    Simulation simulation = new Simulation(runtimeService, taskService, formService, managementService, identityService, workingDays, staff);
    DemoPaths paths = new DemoPaths(new DemoApi(JSON, "http://127.0.0.1:" + port, agency -> SYSTEM_PASSWORD), formService,
        repositoryService, identityService, ThreadLocalRandom.current().nextLong());
    ClockUtil.setCurrentTime(Date.from(START));

    // Path 1: six referrals from employment services' system, triaged after 1, 2, 2, 3, 6 and 4
    // working days (the fifth misses the five-day deadline); the sixth is not for the team. The
    // others meet the team six working days after triage, and the coordinator reads the plan
    // after 1, 2, 3 and 5 days — the fourth never does, so that referral stays open.
    int[] triage = {1, 2, 2, 3, 6, 4};
    int[] review = {1, 2, 3, -1, 5, 1};
    for (int i = 0; i < triage.length; i++) {
      int client = i;
      referral(simulation, paths, script -> {
        script.triageDays = triage[client];
        script.triageDecision = client == 5 ? "not-for-team" : "team-appointment";
        script.reviewDays = review[client];
        script.bookingDays = 1;
        script.appointmentInDays = 5;
      });
    }
    // Path 2: a round of seven invitations. Five come to the check (after 5, 4, 7, 7 and 10
    // working days; the third booked through the appointment system), one declines, one never answers.
    List<Consumer<DemoClient>> invitations = List.of(
        c -> book(c, "nurse", 2, 3), c -> book(c, "nurse", 1, 3), c -> book(c, "api", 3, 4),
        c -> book(c, "declines", 2, 3), c -> book(c, "none", 0, 0), c -> book(c, "nurse", 2, 5), c -> book(c, "nurse", 4, 6));
    List<DemoPaths.Person> persons = invitations.stream().map(c -> paths.person(MUNICIPALITY)).toList();
    List<DemoClient> scripts = invitations.stream().map(setUp -> {
      DemoClient client = new DemoClient();
      setUp.accept(client);
      return client;
    }).toList();
    simulation.at(START, "invitation round", () -> paths.invitationRound(simulation, workingDays, persons, scripts));
    // Path 3: one hand-over; the job ends on 20 March and the coordinator takes over two days later.
    DemoClient handover = new DemoClient();
    handover.handoverConsent = true;
    handover.takeOverDays = 2;
    simulation.at(START, "hand-over", () -> {
      String caseNumber = paths.handoverByApi(paths.person(MUNICIPALITY), LocalDate.of(2026, 3, 20), false);
      simulation.follow(caseNumber, handover);
      simulation.at(LocalDateTime.of(2026, 3, 20, 10, 0).atZone(WorkingDays.FINLAND).toInstant(), "job loss",
          () -> paths.jobLoss(caseNumber));
    });
    simulation.runUntil(END);
    // Back to real time: a frozen clock would also freeze the engine's lock after a failed login.
    ClockUtil.reset();
  }

  @AfterAll
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  void theReportCountsTheClientsAndTheirLeadTimesInWorkingDays() {
    EvaluationReport report = evaluation.report(march());

    assertThat(report.find("clients", "te-referral", "total", "count").shown()).isEqualTo(6L);
    assertThat(report.find("clients", "te-referral", "api", "count").shown()).isEqualTo(6L);
    assertThat(report.find("clients", "health-check-invitation", "invitation", "count").shown()).isEqualTo(7L);
    assertThat(report.find("clients-per-month", "te-referral", "2026-03", "count").shown()).isEqualTo(6L);

    // 1, 2, 2, 3, 4, 6: the median is the mean of the middle two, the 90th percentile the 6th of 6.
    assertThat(report.find("lead-time", "te-referral", "referral-to-triage", "n").shown()).isEqualTo(6L);
    assertThat(report.find("lead-time", "te-referral", "referral-to-triage", "median").shown()).isEqualTo(2.5);
    assertThat(report.find("lead-time", "te-referral", "referral-to-triage", "p90").shown()).isEqualTo(6L);
    // Triage + 1 (booking) + 5 (appointment): 7, 8, 8, 9, 12.
    assertThat(report.find("lead-time", "te-referral", "referral-to-mapping", "n").shown()).isEqualTo(5L);
    assertThat(report.find("lead-time", "te-referral", "referral-to-mapping", "median").shown()).isEqualTo(8L);
    assertThat(report.find("lead-time", "te-referral", "referral-to-mapping", "p90").shown()).isEqualTo(12L);
    // Invitation → check: 5, 4, 7, 7, 10.
    assertThat(report.find("lead-time", "health-check-invitation", "invitation-to-check", "median").shown()).isEqualTo(7L);
    assertThat(report.find("lead-time", "health-check-invitation", "invitation-to-check", "p90").shown()).isEqualTo(10L);
    assertThat(report.find("lead-time-distribution", "te-referral", "referral-to-mapping", "6–10").shown()).isEqualTo("< 5");

    assertThat(report.find("sla", "te-referral", "triaged", "count").shown()).isEqualTo(6L);
    assertThat(report.find("end-state", "health-check-invitation", "EndEvent_HealthPlanMade", "count").shown()).isEqualTo(5L);
    assertThat(report.find("invitation-response", "health-check-invitation", "invited", "count").shown()).isEqualTo(7L);
    assertThat(report.find("invitation-response", "health-check-invitation", "booked", "count").shown()).isEqualTo(5L);
    assertThat(report.find("invitation-response", "health-check-invitation", "booked", "share").shown()).isEqualTo(71.43);

    // The five the team met were followed up at 3 and 6 months (the follow-ups run beside the plan
    // review, so the referral whose plan was never read is followed up too).
    assertThat(report.find("satisfaction", "te-referral", "follow-up-6", "n").shown()).isEqualTo(5L);
    assertThat(report.find("satisfaction", "te-referral", "follow-up-6", "mean").shown()).isEqualTo(9.0);
    assertThat(report.find("outcome", "te-referral", "6m:employed", "count").shown()).isEqualTo(5L);
    assertThat(report.find("outcome", "te-referral", "6m:employed", "share").shown()).isEqualTo(100.0);
    // Kykyviisari 5 at triage and 7 at six months; the WHODAS sum 8 both times.
    assertThat(report.find("work-ability-change", "all", "kykyviisari", "n").shown()).isEqualTo(5L);
    assertThat(report.find("work-ability-change", "all", "kykyviisari", "mean").shown()).isEqualTo(2.0);
    assertThat(report.find("work-ability-change", "all", "kykyviisari:improved", "count").shown()).isEqualTo(5L);
    assertThat(report.find("work-ability-change", "all", "whodas:unchanged", "count").shown()).isEqualTo(5L);
  }

  @Test
  void everyCellOfOneToFourClientsIsShownAsLessThanFive() {
    EvaluationReport report = evaluation.report(march());

    // One missed deadline, four plan reviews, four referrals delivered and followed up, one open, one hand-over.
    assertThat(report.find("sla", "te-referral", "breached", "count").shown()).isEqualTo("< 5");
    assertThat(report.find("sla", "te-referral", "breached", "share").shown()).isEqualTo("< 5");
    assertThat(report.find("lead-time", "te-referral", "mapping-to-plan", "median").shown()).isEqualTo("< 5");
    assertThat(report.find("lead-time", "te-referral", "mapping-to-plan", "p90").shown()).isEqualTo("< 5");
    assertThat(report.find("end-state", "te-referral", "EndEvent_PlanDeliveredFollowedUp", "count").shown()).isEqualTo("< 5");
    assertThat(report.find("end-state", "te-referral", "open", "count").shown()).isEqualTo("< 5");
    assertThat(report.find("clients", "oh-handover", "total", "count").shown()).isEqualTo("< 5");
    assertThat(report.find("lead-time", "oh-handover", "job-loss-to-coordinator", "median").shown()).isEqualTo("< 5");
    // No client: nothing to hide, and shown as it is.
    assertThat(report.find("end-state", "te-referral", "EndEvent_ClientUnreachable", "count").shown()).isEqualTo(0L);
    // What is hidden is really there: the service counts it, only the outputs hide it.
    assertThat(report.find("sla", "te-referral", "breached", "count").value()).isEqualTo(1.0);
    assertThat(report.find("lead-time", "te-referral", "mapping-to-plan", "median").value()).isEqualTo(2.5);
  }

  @Test
  void theApiGivesTheSameFiguresAsJsonAndAsCsvForExcel() throws Exception {
    String query = "/api/evaluation?from=2026-03-01&to=2026-03-31&municipality="
        + URLEncoder.encode(MUNICIPALITY, StandardCharsets.UTF_8);
    HttpResponse<String> json = http.send(http.request(query, LEAD, STAFF_PASSWORD).GET().build());
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(json.body());
    assertThat(cell(body, "lead-time", "referral-to-triage", "median").asDouble()).isEqualTo(2.5);
    assertThat(cell(body, "sla", "breached", "count").asText()).isEqualTo("< 5");
    assertThat(body.get("municipality").asText()).isEqualTo(MUNICIPALITY);

    HttpResponse<byte[]> csv = http.client().send(http.request(query, LEAD, STAFF_PASSWORD).header("Accept", "text/csv").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    byte[] bytes = csv.body();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("UTF-8 byte-order mark for Excel")
        .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).contains("mittari;mittarin nimi;polku;polun nimi;luokka;luokan nimi;tunnusluku;arvo")
        .contains("lead-time;Läpimenoajat (työpäivää);te-referral;TE-lähete työkyvyn tuen tiimiin;referral-to-triage;"
            + "Lähete → ohjauksen vahvistus;median;2,5")
        .contains("sla;Ohjauksen määräajan (5 työpäivää) ylitykset;te-referral;TE-lähete työkyvyn tuen tiimiin;breached;"
            + "Määräaika ylittyi;count;< 5");

    HttpResponse<String> onePath = http.send(http.request(query + "&path=health-check-invitation", LEAD, STAFF_PASSWORD).GET().build());
    assertThat(JSON.readTree(onePath.body()).get("figures").findValuesAsText("path")).containsOnly("health-check-invitation", "all");
  }

  @Test
  void onlyTeamLeadsAndAdministratorsReadItAndABadPeriodIsRefusedByName() throws Exception {
    HttpResponse<String> coordinator = http.send(http.request("/api/evaluation", "it-koordinaattori", STAFF_PASSWORD).GET().build());
    assertThat(coordinator.statusCode()).isEqualTo(403);
    assertThat(http.send(http.request("/api/evaluation", ADMIN, ADMIN_PASSWORD).GET().build()).statusCode()).isEqualTo(200);

    HttpResponse<String> swapped = http.send(http.request("/api/evaluation?from=2026-03-31&to=2026-03-01", LEAD, STAFF_PASSWORD).GET().build());
    assertThat(swapped.statusCode()).isEqualTo(400);
    assertThat(swapped.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(JSON.readTree(swapped.body()).get("errors").get(0).get("field").asText()).isEqualTo("to");
    HttpResponse<String> path = http.send(http.request("/api/evaluation?path=te", LEAD, STAFF_PASSWORD).GET().build());
    assertThat(JSON.readTree(path.body()).get("errors").get(0).get("field").asText()).isEqualTo("path");
    HttpResponse<String> date = http.send(http.request("/api/evaluation?from=1.3.2026", LEAD, STAFF_PASSWORD).GET().build());
    assertThat(date.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(date.body()).get("errors").get(0).get("field").asText()).isEqualTo("from");
    assertThat(http.send(http.request("/api/evaluation", "it-ei-ketaan", "wrong").GET().build()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aTeamLeadLogsInAndSeesTheReportWithTablesAndCharts() throws Exception {
    Browser.assumeAvailable();
    String query = "from=2026-03-01&to=2026-03-31&municipality=" + URLEncoder.encode(MUNICIPALITY, StandardCharsets.UTF_8);
    try (Browser browser = new Browser()) {
      browser.open("http://127.0.0.1:" + port + "/evaluation?" + query);
      assertThat(browser.title()).as("not logged in: the login page").contains("Kirjaudu");
      browser.logIn(LEAD, STAFF_PASSWORD);
      browser.open("http://127.0.0.1:" + port + "/evaluation?" + query);

      assertThat(browser.text("h1")).startsWith("Asiakaspolkujen arviointi 1.3.2026–31.3.2026");
      assertThat(browser.texts("h2")).contains("Asiakkaat polun ja tulotavan mukaan", "Uudet asiakkaat kuukausittain",
          "Läpimenoajat (työpäivää)", "Läpimenoaikojen jakauma (työpäivää)", "Tilanne seurannassa 3 ja 6 kk:n kohdalla",
          "Työkyvyn muutos ensimmäisestä viimeiseen mittaukseen", "Terveystarkastuskutsuihin vastaaminen");
      assertThat(browser.count("table")).isGreaterThanOrEqualTo(11);
      assertThat(browser.count("svg.chart")).isEqualTo(4);
      assertThat(browser.count("svg.chart rect.bar")).as("bars drawn").isGreaterThan(10);
      assertThat(browser.count("td.suppressed")).as("cells of 1–4 clients").isGreaterThan(0);
      assertThat(browser.text("#lead-time table")).contains("Lähete → ohjauksen vahvistus").contains("2,5");
      browser.screenshot(java.nio.file.Path.of("target", "evaluation-report.png"));

      browser.open("http://127.0.0.1:" + port + "/evaluation/logout");
      browser.logIn("it-koordinaattori", STAFF_PASSWORD);
      assertThat(browser.text("h1")).as("a coordinator may not read it").isEqualTo("Ei oikeutta");
    }
  }

  private static EvaluationQuery march() {
    return new EvaluationQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Optional.empty(), Optional.of(MUNICIPALITY));
  }

  private static JsonNode cell(JsonNode report, String metric, String category, String statistic) {
    for (JsonNode figure : report.get("figures")) {
      if (figure.get("metric").asText().equals(metric) && figure.get("category").asText().equals(category)
          && figure.get("statistic").asText().equals(statistic)) {
        return figure.get("value");
      }
    }
    throw new AssertionError("no " + metric + "/" + category + "/" + statistic);
  }

  private void referral(Simulation simulation, DemoPaths paths, Consumer<DemoClient> setUp) {
    DemoClient client = new DemoClient();
    setUp.accept(client);
    DemoPaths.Person person = paths.person(MUNICIPALITY);
    simulation.at(START, "referral", () -> simulation.follow(paths.referralByApi(person, true), client));
  }

  private static void book(DemoClient client, String how, int afterDays, int checkInDays) {
    client.booking = how;
    client.bookingAfterDays = afterDays;
    client.checkInDays = checkInDays;
  }
}
