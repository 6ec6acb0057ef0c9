package fi.polku.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.PolkuApplication;
import fi.polku.calendar.WorkingDays;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two Polku nodes on one PostgreSQL database, as behind a load balancer without session affinity
 * (issue 20; the small version of {@code reliability/run}'s first scenario). Node A and node B are
 * two more application contexts in this JVM, configured as every integration test is (profile
 * postgres, the test database, GreenMail) but with their job executors on. The test's own context
 * only looks at the database.
 *
 * <p>In one JVM the nodes share Camunda's static registry of process engines, so the engine REST
 * calls of both nodes run on one engine object; the sessions (each node's own Spring Session filter
 * on the shared table) and the job executors (one per node, competing for the same jobs) are each
 * node's own, and they are what this test is about. The nodes leave logging and Camunda's static
 * webapp state as they found them, so the integration tests after this one are not disturbed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
      .withPerMethodLifecycle(false);

  static final ObjectMapper JSON = new ObjectMapper();
  static final String COUNSELLOR = "it-nodes-palveluohjaaja";
  static final String ENGINE_API = "/camunda/api/engine/engine/default";
  static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";
  static final String LOGOUT = "/camunda/api/admin/auth/user/default/logout";
  /** The longest the nodes may take for the jobs of the handful of cases. */
  static final Duration PATIENCE = Duration.ofSeconds(40);

  @Autowired ConfigurableEnvironment environment;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  ConfigurableApplicationContext nodeA;
  ConfigurableApplicationContext nodeB;
  String a;
  String b;

  // Camunda's webapps keep their runtime in static fields, which each node's start sets and its stop
  // clears: the shared test context's are put back when the nodes are gone.
  CockpitRuntimeDelegate cockpit;
  TasklistRuntimeDelegate tasklist;
  AdminRuntimeDelegate admin;
  WelcomeRuntimeDelegate welcome;

  /** The cases this test opened: their waiting tasks leave with the test, as does its counsellor. */
  final List<String> openedCases = new ArrayList<>();

  @BeforeAll
  void startTwoNodes() {
    staff(COUNSELLOR, "sote-counsellor");
    cockpit = Cockpit.getRuntimeDelegate();
    tasklist = org.camunda.bpm.tasklist.Tasklist.getRuntimeDelegate();
    admin = Admin.getRuntimeDelegate();
    welcome = Welcome.getRuntimeDelegate();
    nodeA = startNode("node-a");
    nodeB = startNode("node-b");
    a = "http://127.0.0.1:" + port(nodeA);
    b = "http://127.0.0.1:" + port(nodeB);
  }

  @AfterAll
  void stopNodes() {
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
      if (node != null) {
        node.close();
      }
    }
    // A closing node removes "default" from Camunda's static registry: give it back to the shared
    // test context, which the integration tests after this one use.
    ProcessEngines.registerProcessEngine(engine);
    Cockpit.setCockpitRuntimeDelegate(cockpit);
    org.camunda.bpm.tasklist.Tasklist.setTasklistRuntimeDelegate(tasklist);
    Admin.setAdminRuntimeDelegate(admin);
    Welcome.setRuntimeDelegate(welcome);
    // Later tests share this database: they must not find this test's tasks waiting in their
    // queries, nor its counsellor among the sote counsellors who get task mails.
    for (String caseNumber : openedCases) {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
          .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over", true, true));
    }
    identityService.deleteUser(COUNSELLOR);
  }

  @Test
  void aTasklistLoginOnOneNodeHoldsOnTheOtherUntilLogoutAndExpiredSessionsAreRemoved() throws Exception {
    Browser browser = new Browser();
    browser.logIn(a, COUNSELLOR);
    String caseNumber = referral(a, TestReferrals.randomTestCode());
    String triage = awaitTask(caseNumber, "Task_ConfirmTriage");

    // The load balancer sends the next requests to node B: still logged in, CSRF token still known.
    String query = ENGINE_API + "/task?processInstanceBusinessKey=" + caseNumber;
    HttpResponse<String> tasks = browser.get(b, query);
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(JSON.readTree(tasks.body())).hasSize(1);
    HttpResponse<String> count = browser.get(b, ENGINE_API + "/task/count?processInstanceBusinessKey=" + caseNumber);
    assertThat(JSON.readTree(count.body()).get("count").asInt()).isOne();
    String claim = ENGINE_API + "/task/" + triage + "/claim";
    String claimBody = "{\"userId\":\"" + COUNSELLOR + "\"}";
    HttpResponse<String> claimed = browser.post(b, claim, "application/json", claimBody, browser.csrfToken());
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(triage).singleResult().getAssignee()).isEqualTo(COUNSELLOR);

    // A modifying request without the session's CSRF token is refused on the other node too, and
    // Camunda's CSRF filter then ends that session on every node.
    Browser careless = new Browser();
    careless.logIn(a, COUNSELLOR);
    assertThat(careless.post(b, claim, "application/json", claimBody, null).statusCode()).isEqualTo(403);
    assertThat(careless.get(a, query).statusCode()).isEqualTo(401);
    careless.logIn(b, COUNSELLOR);
    assertThat(careless.post(a, claim, "application/json", claimBody, "not-the-token").statusCode()).isEqualTo(403);
    assertThat(careless.get(b, query).statusCode()).isEqualTo(401);

    // The session in the table: 30 minutes without a request, as server.servlet.session.timeout says.
    assertThat(jdbc.queryForObject("select max_inactive_interval from web_session where session_id = ?", Integer.class,
        browser.sessionId())).isEqualTo(1800);

    // Logging out on node B ends the session on node A too.
    HttpResponse<String> logout = browser.post(b, LOGOUT, "application/x-www-form-urlencoded", "", browser.csrfToken());
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
    assertThat(browser.get(a, query).statusCode()).isEqualTo(401);

    // An expired session is refused by every node and removed by the cleanup each node runs every minute.
    Browser idle = new Browser();
    idle.logIn(b, COUNSELLOR);
    String idleId = idle.sessionId();
    assertThat(idle.get(a, query).statusCode()).isEqualTo(200);
    jdbc.update("update web_session set last_access_time = last_access_time - 1900000, expiry_time = ? where session_id = ?",
        Instant.now().minusSeconds(100).toEpochMilli(), idleId);
    assertThat(idle.get(a, query).statusCode()).isEqualTo(401);
    nodeB.getBean(JdbcIndexedSessionRepository.class).cleanUpExpiredSessions();
    assertThat(jdbc.queryForObject("select count(*) from web_session where session_id = ?", Integer.class, idleId))
        .isZero();
    assertThat(nodeA.getEnvironment().getProperty("spring.session.jdbc.cleanup-cron")).isEqualTo("0 * * * * *");
  }

  @Test
  void theSessionCookieStaysHttpOnlySameSiteAndSecureBehindTls() {
    Browser browser = new Browser();
    String plain = browser.get(a, "/camunda/app/tasklist/default/").headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("SESSION=")).findFirst().orElseThrow();
    assertThat(plain).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

    Browser behindProxy = new Browser();
    HttpResponse<String> tls = behindProxy.send(HttpRequest.newBuilder(URI.create(b + "/camunda/app/tasklist/default/"))
        .header("X-Forwarded-Proto", "https").GET().build());
    String secure = tls.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("SESSION=")).findFirst().orElseThrow();
    assertThat(secure).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
  }

  @Test
  void referralsPostedToBothNodesAreTriagedThroughBothAndEveryMailGoesOnce() throws Exception {
    Instant started = Instant.now();
    long jobsOfA = jobsDone(nodeA);
    long jobsOfB = jobsDone(nodeB);
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      cases.add(referral(i % 2 == 0 ? a : b, TestReferrals.randomTestCode()));
      openedCases.add(cases.get(cases.size() - 1));
    }
    Map<String, String> triages = new LinkedHashMap<>();
    for (String caseNumber : cases) {
      triages.put(caseNumber, awaitTask(caseNumber, "Task_ConfirmTriage"));
    }

    // One counsellor, logged in once, triages through whichever node the load balancer picks.
    Browser browser = new Browser();
    browser.logIn(a, COUNSELLOR);
    int i = 0;
    for (Map.Entry<String, String> triage : triages.entrySet()) {
      String node = i++ % 2 == 0 ? b : a;
      HttpResponse<String> done = browser.post(node, ENGINE_API + "/task/" + triage.getValue() + "/submit-form",
          "application/json", Tasklist.restBody(engine, triage.getValue(), TestReferrals.teamTriage("Haluaa osa-aikatyötä")), browser.csrfToken());
      assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    // Every case waits at the booking, with nothing left for the job executors to do now.
    for (String caseNumber : cases) {
      awaitTask(caseNumber, "Task_BookAppointment");
    }
    Set<String> instances = cases.stream()
        .flatMap(caseNumber -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
            .stream().map(ProcessInstance::getId))
        .collect(Collectors.toSet());
    await("every job of the cases that is due is done", () -> dueJobs(instances) == 0);
    await("every queued mail is sent", () -> unsent(cases) == 0);
    for (String caseNumber : cases) {
      List<ProcessInstance> running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .active().list();
      assertThat(running).as(caseNumber).hasSize(1);
      assertThat(runtimeService.getActiveActivityIds(running.get(0).getId())).as(caseNumber)
          .containsExactly("Task_BookAppointment");
    }

    // Exactly one mail per outbox row, by Message-ID at the SMTP server.
    List<String> outbox = jdbc.queryForList("select message_id from mail_outbox where case_number in ("
        + String.join(",", cases.stream().map(c -> "'" + c + "'").toList()) + ")", String.class);
    Map<String, Integer> received = new HashMap<>();
    List<String> strays = new ArrayList<>();
    Set<String> rows = outbox.stream().map(TwoNodesIT::bare).collect(Collectors.toSet());
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      String id = bare(mail.getMessageID());
      received.merge(id, 1, Integer::sum);
      String subject = mail.getSubject();
      if (!rows.contains(id) && cases.stream().anyMatch(subject::contains)) {
        strays.add(subject);
      }
    }
    Map<String, Integer> ours = new TreeMap<>();
    for (String messageId : rows) {
      ours.put(messageId, received.getOrDefault(messageId, 0));
    }
    assertThat(outbox).as("each case: at least the notice of the counsellor's new task").hasSizeGreaterThanOrEqualTo(cases.size());
    assertThat(ours.values()).as("mails received per outbox row: %s", ours).containsOnly(1);
    assertThat(strays).as("mails of the cases without an outbox row").isEmpty();

    // No incident, no job left locked, and both nodes did part of the work.
    assertThat(engine.getRuntimeService().createIncidentQuery().list().stream()
        .filter(incident -> instances.contains(incident.getProcessInstanceId()))).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_job where lock_owner_ is not null and process_instance_id_ in ("
        + instances.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")", Integer.class)).isZero();
    Map<String, Long> jobsByNode = new TreeMap<>(Map.of("node-a", jobsDone(nodeA) - jobsOfA, "node-b", jobsDone(nodeB) - jobsOfB));
    report(cases.size(), outbox.size(), jobsByNode, Duration.between(started, Instant.now()));
    assertThat(jobsByNode.values()).as("jobs each node's executor ran: %s", jobsByNode).allMatch(jobs -> jobs > 0);
  }

  /** Starts a node configured as the integration tests are, with its job executor on. */
  private ConfigurableApplicationContext startNode(String name) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source.getName().contains("Dynamic") && source instanceof EnumerablePropertySource<?> dynamic) {
        for (String property : dynamic.getPropertyNames()) {
          properties.put(property, dynamic.getProperty(property));
        }
      }
    }
    assertThat(properties).as("the test's database and secrets").containsKey("DB_URL");
    properties.put("camunda.bpm.job-execution.enabled", "true");
    properties.put("camunda.bpm.generic-properties.properties.hostname", name);
    // A node's executor hears at once only of the jobs its own engine made; in this JVM the engine REST
    // calls of both nodes run on one engine, so both executors look for jobs often, as two busy nodes would.
    properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
    properties.put("camunda.bpm.job-execution.max-wait", "1000");
    properties.put("server.port", "0");
    properties.put("server.address", "127.0.0.1");
    properties.put("spring.main.banner-mode", "off");
    String[] args = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
        .toArray(String[]::new);
    // The nodes log through the test JVM's logging as it is: a node that set up logging itself would
    // tear it down for the whole JVM when it stops.
    System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    try {
      return new SpringApplicationBuilder(PolkuApplication.class).profiles("postgres").run(args);
    } finally {
      System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
    }
  }

  /** How many jobs the node's job executor has run successfully since the node started. */
  private static long jobsDone(ConfigurableApplicationContext node) {
    return node.getBean(ProcessEngineConfigurationImpl.class).getMetricsRegistry().getDbMeterByName(Metrics.JOB_SUCCESSFUL).get();
  }

  private static int port(ConfigurableApplicationContext node) {
    return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
  }

  /** Posts a referral as the employment services' system and returns its case number. */
  private String referral(String node, String identityCode) throws IOException {
    HttpResponse<String> created = new Browser().send(HttpRequest.newBuilder(URI.create(node + "/api/referrals"))
        .header("Authorization", basic("te-system", SYSTEM_PASSWORD))
        .header("Content-Type", "application/json").header("Idempotency-Key", "it-nodes-" + identityCode)
        .POST(HttpRequest.BodyPublishers.ofString(TestReferrals.apiReferralJson(identityCode, "Jyväskylä"))).build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("caseNumber").asText();
  }

  /** Waits for the nodes' job executors to bring the case to the user task, and returns its id. */
  private String awaitTask(String caseNumber, String taskDefinitionKey) {
    await(caseNumber + " at " + taskDefinitionKey, () -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskDefinitionKey).count() == 1);
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(taskDefinitionKey).singleResult().getId();
  }

  private long dueJobs(Set<String> instances) {
    return engine.getManagementService().createJobQuery().processInstanceIds(instances).executable().count();
  }

  private int unsent(List<String> cases) {
    return jdbc.queryForObject("select count(*) from mail_outbox where sent_at is null and case_number in ("
        + cases.stream().map(c -> "'" + c + "'").collect(Collectors.joining(",")) + ")", Integer.class);
  }

  private static void await(String what, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("waited %s for %s", PATIENCE, what).isBefore(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String bare(String messageId) {
    return messageId == null ? "" : messageId.trim().replaceAll("^<|>$", "");
  }

  private static void report(int cases, int mails, Map<String, Long> jobsByNode, Duration took) throws IOException {
    Path file = Path.of("target", "reliability", "two-nodes.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "| referrals | mails (one each) | jobs by node | took |\n|---|---|---|---|\n"
        + "| " + cases + " | " + mails + " | " + jobsByNode + " | " + took.toSeconds() + " s |\n");
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A browser on the load balancer's address: one cookie jar for both nodes (cookies do not depend
   * on the port), and the CSRF handling of Camunda's webapps, which read the XSRF-TOKEN cookie and
   * send it back as the X-XSRF-TOKEN header on every modifying request.
   */
  final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    /** Opens Tasklist and logs in as the user. */
    void logIn(String node, String user) throws IOException {
      HttpResponse<String> page = get(node, "/camunda/app/tasklist/default/");
      assertThat(page.statusCode()).isEqualTo(200);
      HttpResponse<String> login = post(node, LOGIN, "application/x-www-form-urlencoded",
          "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
              + URLEncoder.encode(STAFF_PASSWORD, StandardCharsets.UTF_8), csrfToken());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      assertThat(JSON.readTree(login.body()).get("userId").asText()).isEqualTo(user);
      // Tasklist then asks who is logged in: the new session's first request, which gives it its CSRF token.
      assertThat(get(node, "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
    }

    /** The id of the browser's session in the table web_session (Spring Session's cookie holds it in Base64). */
    String sessionId() {
      return new String(Base64.getDecoder().decode(cookie("SESSION")), StandardCharsets.UTF_8);
    }

    String csrfToken() {
      return cookie("XSRF-TOKEN");
    }

    private String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
          .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    HttpResponse<String> get(String node, String path) {
      return send(HttpRequest.newBuilder(URI.create(node + path)).header("Accept", "application/json").GET().build());
    }

    HttpResponse<String> post(String node, String path, String contentType, String body, String csrfToken) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path)).header("Content-Type", contentType)
          .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
      if (csrfToken != null) {
        request.header("X-XSRF-TOKEN", csrfToken);
      }
      return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException("Request to " + request.uri() + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
