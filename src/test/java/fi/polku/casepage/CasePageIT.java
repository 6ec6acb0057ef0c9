package fi.polku.casepage;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.support.Browser;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.Tasklist;
import fi.polku.support.TasklistPage;
import fi.polku.support.TestReferrals;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case page and Tasklist in headless Chromium on PostgreSQL, as staff of three agencies meet
 * them: a TE coordinator sees a mapped client's case with the sote centre's plan, records a
 * consent the client phoned in and withdraws the plan consent, after which the plan no longer
 * reaches employment services by the API either (with the refusal in the audit trail); an
 * occupational health professional gets the same "not found" page as for a case that does not
 * exist; Tasklist lists the task with its case number and the client's name, without the vendor
 * banner or "Luo tehtävä", and a click on the task's link opens its case page with the case manager
 * and their history; a Swedish-speaking client's mails reach GreenMail in Swedish.
 */
class CasePageIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
      .withPerMethodLifecycle(false);

  static final ObjectMapper JSON = new ObjectMapper();
  // The same staff as the other integration tests on this database: a user of our own in a group
  // would receive their group notices, which they count.
  static final String COORDINATOR = "it-koordinaattori";
  static final String COUNSELLOR = "it-palveluohjaaja";
  static final String TEAM = "it-tiimi";
  static final String OCCUPATIONAL_HEALTH = "it-tyoterveys";
  static final Path PICTURES = Path.of("target", "case-page");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  HttpTestClient http;

  @BeforeEach
  void people() {
    http = new HttpTestClient(port);
    staff(COORDINATOR, "te-coordinator");
    staff(COUNSELLOR, "sote-counsellor");
    staff(TEAM, "work-ability-team");
    staff(OCCUPATIONAL_HEALTH, "oh-professional");
  }

  @Test
  void aCoordinatorSeesThePlanRecordsAndWithdrawsConsentsAndAnotherAgencyFindsNothing() throws Exception {
    Browser.assumeAvailable();
    String identityCode = TestReferrals.randomTestCode();
    String caseNumber = mappedReferral(identityCode);
    String base = "http://127.0.0.1:" + port;

    try (Browser browser = new Browser()) {
      browser.open(base + "/cases/" + caseNumber);
      assertThat(browser.title()).as("not logged in: the login page").contains("Kirjaudu");
      browser.logIn(COORDINATOR, STAFF_PASSWORD);

      assertThat(browser.text("h1")).isEqualTo("Asiakkuus " + caseNumber);
      assertThat(browser.text("#client-name")).isEqualTo("Testi Asiakas");
      assertThat(browser.text("#identity-code")).isEqualTo(identityCode.substring(0, 7) + "****");
      assertThat(browser.driver().getPageSource()).doesNotContain(identityCode);
      assertThat(browser.text("#paths")).contains("Tutustu").contains("Testi te-coordinator (" + COORDINATOR + ")");
      assertThat(browser.text("#content")).as("the sote centre's plan, with the consent in force")
          .contains("Työkyvyn tuen suunnitelma").contains("Ammatillinen kuntoutus").contains("Testi work-ability-team");
      assertThat(browser.text("#timeline")).contains("Asiakkuus avattu").contains("Polku alkoi").contains("Suostumus kirjattu");
      picture(browser, "case-page.png");

      // The client phones: they allow employment services to pass the plan to Kela.
      browser.driver().findElement(By.cssSelector("#fromAgency option[value='te']")).click();
      browser.driver().findElement(By.cssSelector("#toAgency option[value='kela']")).click();
      browser.driver().findElement(By.cssSelector("#scope option[value='plan']")).click();
      browser.driver().findElement(By.cssSelector("#channel option[value='phone']")).click();
      browser.driver().findElement(By.id("record-consent")).click();
      assertThat(browser.text("p.ok")).isEqualTo("Suostumus kirjattu.");
      assertThat(browser.text("#consents-in-force")).contains("Kela").contains("puhelimessa").contains(COORDINATOR);
      assertThat(jdbc.queryForObject("select count(*) from consent where case_number = ? and to_agency = 'kela'"
          + " and scope = 'plan' and channel = 'phone' and recorded_by = ? and withdrawn_at is null", Integer.class,
          caseNumber, COORDINATOR)).isOne();

      // ...and withdraw the plan consent from the sote centre to employment services.
      assertThat(planReachesEmploymentServices(caseNumber)).as("before the withdrawal").isTrue();
      WebElement planToTe = browser.driver().findElements(By.cssSelector("#consents-in-force tbody tr")).stream()
          .filter(row -> row.getText().startsWith("sote-keskus työllisyyspalvelut suunnitelma")).findFirst().orElseThrow();
      // The page still shows "Suostumus kirjattu." until the withdrawal's page replaces it: wait for that.
      WebElement recordedNotice = browser.driver().findElement(By.cssSelector("p.ok"));
      planToTe.findElement(By.cssSelector("button.withdraw")).click();
      fi.polku.support.TasklistPage.waitUntil("the withdrawal's page", () -> {
        try {
          recordedNotice.isDisplayed();
          return false;
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
          return true;
        }
      });
      Instant withdrawnBy = Instant.now();
      assertThat(browser.text("p.ok")).startsWith("Suostumus peruttu.");
      assertThat(browser.text("#consents-past")).contains("peruttu").contains(COORDINATOR);
      assertThat(browser.text("#content")).as("the plan is gone from the page at once")
          .doesNotContain("Työkyvyn tuen suunnitelma").contains("Lähetteen tila");
      picture(browser, "case-page-after-withdrawal.png");

      // The next crossing is refused at once, by the API as well, and the refusal is audited.
      assertThat(planReachesEmploymentServices(caseNumber)).as("after the withdrawal").isFalse();
      assertThat(jdbc.queryForObject("select count(*) from consent_check where case_number = ? and from_agency = 'sote'"
              + " and to_agency = 'te' and scope = 'plan' and allowed = false and checked_by = 'api:te-system'"
              + " and checked_at >= ?", Integer.class, caseNumber, Timestamp.from(withdrawnBy.minusSeconds(5))))
          .isGreaterThanOrEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from consent_check where case_number = ? and to_agency = 'te'"
          + " and scope = 'plan' and checked_by = ? and allowed = true", Integer.class, caseNumber, "page:" + COORDINATOR))
          .as("the page's own crossing before the withdrawal was audited too").isGreaterThanOrEqualTo(1);

      browser.open(base + "/cases/mine");
      assertThat(browser.text("#my-cases")).contains(caseNumber).contains("Tutustu");
      picture(browser, "my-cases.png");

      // Another agency: the same page as for a case number that does not exist.
      browser.open(base + "/cases/logout");
      browser.open(base + "/cases/" + caseNumber);
      browser.logIn(OCCUPATIONAL_HEALTH, STAFF_PASSWORD);
      String hidden = browser.text("main").replace(caseNumber, "X");
      assertThat(browser.text("h1")).isEqualTo("Asiakkuutta ei löydy");
      assertThat(browser.driver().getPageSource()).doesNotContain("Testi Asiakas").doesNotContain(identityCode.substring(0, 6));
      picture(browser, "case-not-found.png");
      browser.open(base + "/cases?q=TK-1999-999999");
      assertThat(browser.text("main").replace("TK-1999-999999", "X")).isEqualTo(hidden);
    }
  }

  @Test
  void tasklistListsTheCaseNumberWithoutTheVendorBannerOrTaskCreation() throws Exception {
    Browser.assumeAvailable();
    String caseNumber = mappedReferral(TestReferrals.randomTestCode());
    try (Browser browser = new Browser()) {
      TasklistPage tasklist = new TasklistPage(browser, port);
      tasklist.logIn(COORDINATOR, STAFF_PASSWORD);
      JavascriptExecutor page = browser.driver();
      long until = System.currentTimeMillis() + 20_000;
      while (!visibleText(page).contains(caseNumber) && System.currentTimeMillis() < until) {
        Thread.sleep(200);
      }
      String text = visibleText(page);
      picture(browser, "tasklist-list.png", 800);
      assertThat(text).as("a list row shows the case number and the client's name").contains("Asianumero").contains(caseNumber)
          .contains("Asiakas").contains("Testi Asiakas");
      assertThat(text).doesNotContain("Camunda 8").doesNotContain("Luo tehtävä");
      assertThat(page.executeScript("return Array.from(document.querySelectorAll('.ce-eol-banner, .create-task-action'))"
          + ".filter(e => e.offsetParent !== null).length")).isEqualTo(0L);
    }
  }

  @Test
  void aClickFromATasklistTaskReachesItsCasePageWithTheCaseManager() throws Exception {
    Browser.assumeAvailable();
    String caseNumber = mappedReferral(TestReferrals.randomTestCode());
    try (Browser browser = new Browser()) {
      TasklistPage tasklist = new TasklistPage(browser, port);
      tasklist.logIn(COORDINATOR, STAFF_PASSWORD);
      // The coordinator finds the task by its case number in the list and opens it with a click.
      By row = By.xpath("//li[contains(@class, 'task')][.//*[contains(normalize-space(), '" + caseNumber + "')]]//a[1]");
      TasklistPage.waitUntil("the list row of " + caseNumber, () -> !browser.driver().findElements(row).isEmpty());
      browser.driver().findElement(row).click();
      By link = By.cssSelector("#polku-case-link a");
      TasklistPage.waitUntil("the task's link to its case page", () -> !browser.driver().findElements(link).isEmpty());
      assertThat(browser.text("#polku-case-link")).isEqualTo("Avaa asiakkuus " + caseNumber);
      picture(browser, "tasklist-task-link.png", 800);

      String tasklistWindow = browser.driver().getWindowHandle();
      browser.driver().findElement(link).click();
      TasklistPage.waitUntil("the case page's tab", () -> browser.driver().getWindowHandles().size() == 2);
      browser.driver().getWindowHandles().stream().filter(handle -> !handle.equals(tasklistWindow)).findFirst()
          .ifPresent(handle -> browser.driver().switchTo().window(handle));
      TasklistPage.waitUntil("the case page", () -> browser.title().contains(caseNumber));

      assertThat(browser.text("h1")).as("no second login: the Tasklist login carries over").isEqualTo("Asiakkuus " + caseNumber);
      assertThat(browser.text("#responsible-now")).contains("Testi work-ability-team").contains(TEAM).contains("asiakasvastaava");
      assertThat(browser.text("#responsible-history")).contains("vahvisti ohjauksen suunnan")
          .contains("nimettiin asiakasvastaavaksi työkyvyn tuen kartoituksessa");
      assertThat(browser.text("#givenOn") + browser.driver().findElement(By.id("givenOn")).getDomProperty("value"))
          .as("the consent form's date the Finnish way").matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}");
      picture(browser, "case-page-from-tasklist.png");
    }
  }

  @Test
  void aSwedishSpeakingClientGetsEveryMailInSwedish() throws Exception {
    // The client's language comes with the referral (the API's optional "language"); the
    // invitation, the reminder and the case manager's contact details all reach GreenMail in Swedish.
    String email = "svenska-" + System.nanoTime() + "@polku.invalid";
    String caseNumber = mappedReferral(TestReferrals.randomTestCode(), "sv", email);
    runJobs(caseNumber, job -> true);

    List<jakarta.mail.internet.MimeMessage> toClient = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
      try {
        return email.equals(mail.getAllRecipients()[0].toString());
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(toClient).extracting(mail -> mail.getSubject()).hasSize(3)
        .anySatisfy(subject -> assertThat(subject).isEqualTo("Kallelse till ett möte om stöd för arbetsförmågan (" + caseNumber + ")"))
        .anySatisfy(subject -> assertThat(subject).startsWith("Påminnelse: mötet om stöd för arbetsförmågan").contains(" kl. "))
        .anySatisfy(subject -> assertThat(subject).isEqualTo("Du har fått en klientansvarig (" + caseNumber + ")"));
    for (jakarta.mail.internet.MimeMessage mail : toClient) {
      // getContent decodes the transfer encoding: the text as the client reads it.
      String text = mail.getContent().toString();
      assertThat(text).startsWith("Hej,").contains("Vänliga hälsningar").contains("social- och hälsocentralens")
          .doesNotContain("Ystävällisin").doesNotContain(" klo ");
    }
  }

  /** A picture of the whole page and no more: the window as high as the page. */
  private static void picture(Browser browser, String name) throws java.io.IOException {
    // Measured in a low window: a page shorter than the window reports the window's height.
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 600));
    Object height = browser.driver().executeScript(
        "return document.documentElement.scrollHeight + Math.max(0, window.outerHeight - window.innerHeight)");
    picture(browser, name, Math.min(4000, Math.max(600, ((Number) height).intValue() + 40)));
  }

  /** A picture of the top of the page, as high as given (Tasklist fills any window). */
  private static void picture(Browser browser, String name, int pageHeight) throws java.io.IOException {
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, pageHeight));
    browser.screenshot(PICTURES.resolve(name));
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 4000));
  }

  private static String visibleText(JavascriptExecutor page) {
    return (String) page.executeScript("return document.body.innerText");
  }

  /** Whether the sote centre's plan is in what employment services' system reads of the case now. */
  private boolean planReachesEmploymentServices(String caseNumber) throws Exception {
    HttpResponse<String> read = http.send(http.request("/api/cases/" + caseNumber, "te-system", SYSTEM_PASSWORD).GET().build());
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    for (JsonNode piece : JSON.readTree(read.body()).get("content")) {
      if ("plan".equals(piece.get("scope").asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A referral from employment services' system with the client's consent, triaged, booked and
   * mapped by the sote centre, so path 1 waits for the coordinator to review the plan; the
   * coordinator has taken that task.
   */
  private String mappedReferral(String identityCode) throws Exception {
    return mappedReferral(identityCode, "fi", "asiakas@polku.invalid");
  }

  private String mappedReferral(String identityCode, String language, String email) throws Exception {
    String body = "{\"identityCode\":\"" + identityCode + "\",\"name\":\"Testi Asiakas\",\"email\":\"" + email + "\","
        + "\"language\":\"" + language + "\","
        + "\"municipality\":\"Vaasa\",\"unemploymentMonths\":30,\"criteria\":" + TestReferrals.criteriaJson() + ","
        + "\"reason\":\"Toistuvat työttömyysjaksot\",\"question\":\"Mikä tukisi työllistymistä?\","
        + "\"consent\":{\"includesHealth\":false,\"validUntil\":\"" + LocalDate.now(WorkingDays.FINLAND).plusYears(1) + "\"}}";
    HttpResponse<String> created = http.send(http.request("/api/referrals", "te-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();
    complete(caseNumber, "Task_ConfirmTriage", COUNSELLOR, TestReferrals.teamTriage("Haluaa osa-aikatyötä"));
    complete(caseNumber, "Task_BookAppointment", COUNSELLOR, Map.of("appointmentKind", "team-appointment",
        "appointmentAt", Instant.now().plus(7, ChronoUnit.DAYS), "appointmentPlace", "Sote-keskus, huone 12"));
    complete(caseNumber, "Task_MapWorkAbility", TEAM, Map.of("appointmentAttended", true,
        "workAbilityAssessment", "Työkyky osittain alentunut", "supportPlan", "Ammatillinen kuntoutus",
        "followOnPaths", List.of("vocational-rehabilitation"), "caseManager", TEAM));
    runJobs(caseNumber);
    Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ReviewPlan").singleResult();
    assertThat(review).as("path 1 waits for the coordinator's review").isNotNull();
    engine.getTaskService().claim(review.getId(), COORDINATOR);
    return caseNumber;
  }

  /** Completes the case's task of the step as the user, with what the user enters into its form in Tasklist. */
  private void complete(String caseNumber, String step, String user, Map<String, Object> entered) {
    runJobs(caseNumber);
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step)
        .singleResult();
    assertThat(task).as(step).isNotNull();
    engine.getTaskService().claim(task.getId(), user);
    engine.getFormService().submitTaskForm(task.getId(), Tasklist.submission(engine, task.getId(), entered));
    runJobs(caseNumber);
  }

  /** Runs the case's jobs except the triage SLA timer: everything here is on time. */
  private void runJobs(String caseNumber) {
    runJobs(caseNumber, job -> !"Timer_TriageSla".equals(activityOf(job)));
  }
}
