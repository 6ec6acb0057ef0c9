package fi.polku.reliability;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.security.StaffGroup;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.TestReferrals;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what (issue 20): every /api operation of the OpenAPI document and the /engine-rest
 * resources Tasklist uses, asked by a member of every staff group, the administrator, every
 * agency's system user and no one. Each cell's expected answer is declared in {@link #EXPECTED}:
 * {@code ok} (past the door: the operation's own answer, 2xx, or 400/409 about the request
 * itself), {@code 403}, {@code 404} (the thing is not shown to this caller: a case its agency takes
 * no part in, a task not its group's) or {@code 401}. An operation the table does not declare fails
 * the test with its observed row, so a new endpoint must be declared before it is merged. The
 * observed table goes to target/reliability/access-matrix.md.
 *
 * <p>The fixtures: one te-referral with consent (a case of employment services and the sote
 * centre, its triage task waiting for the sote counsellors); onward referral id 999999999 does not
 * exist.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixIT extends PostgresSpringTest {

  /** Mail the runs' steps send goes here (the referral's notices). */
  @org.junit.jupiter.api.extension.RegisterExtension
  static com.icegreen.greenmail.junit5.GreenMailExtension smtp = new com.icegreen.greenmail.junit5.GreenMailExtension(
      new com.icegreen.greenmail.util.ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();

  /** The callers, in the table's column order. */
  static final List<String> COLUMNS = List.of("te-coordinator", "sote-counsellor", "work-ability-team",
      "health-check-nurse", "oh-professional", "specialist-care", "job-coach", "team-lead", "polku-admin",
      "te-system", "sote-system", "oh-system", "kela-system", "pension-system", "esh-system", "anonymous");

  /**
   * The expected answers. Columns as in {@link #COLUMNS}; {caseNumber} is the fixture's case, {task} its
   * triage task (candidate group sote-counsellor), {id} an onward referral (or consent) that does not exist.
   * Where {@code 404} is the operation's own answer past the door: the administrator's data-subject
   * export of a made-up client Polku does not hold; a booking or a job-loss report for the fixture's
   * case, which is no health check or hand-over. System users may not read process definitions, so a
   * start form is not found for them (404). The administrator belongs to no agency: 403 where the
   * API acts for an agency.
   */
  static final String EXPECTED = """
      endpoint                                                                      | te-c   | sote-c | team   | nurse  | oh-p   | esh-c  | coach  | lead   | admin  | te-s   | sote-s | oh-s   | kela-s | pens-s | esh-s  | anon
      GET /api/audit/consent-checks                                                 | 403    | 403    | 403    | 403    | 403    | 403    | 403    | 403    | ok     | 403    | 403    | 403    | 403    | 403    | 403    | 401
      GET /api/cases/{caseNumber}                                                   | ok     | ok     | ok     | ok     | 404    | 404    | ok     | ok     | ok     | ok     | ok     | 404    | 404    | 404    | 404    | 401
      GET /api/cases/{caseNumber}/consents                                          | ok     | ok     | ok     | ok     | 404    | 404    | ok     | ok     | ok     | ok     | ok     | 404    | 404    | 404    | 404    | 401
      GET /api/evaluation                                                           | 403    | 403    | 403    | 403    | 403    | 403    | 403    | ok     | ok     | 403    | 403    | 403    | 403    | 403    | 403    | 401
      GET /api/oh-handovers/billing                                                 | 403    | 403    | 403    | 403    | ok     | 403    | 403    | 403    | ok     | 403    | 403    | ok     | 403    | 403    | 403    | 401
      GET /api/onward-referrals                                                     | ok     | ok     | ok     | ok     | ok     | ok     | ok     | ok     | 403    | ok     | ok     | ok     | ok     | ok     | ok     | 401
      GET /api/onward-referrals/unaccounted                                         | 403    | 403    | 403    | 403    | 403    | 403    | 403    | ok     | ok     | 403    | 403    | 403    | 403    | 403    | 403    | 401
      GET /api/unaccounted-cases                                                    | 403    | 403    | 403    | 403    | 403    | 403    | 403    | ok     | ok     | 403    | 403    | 403    | 403    | 403    | 403    | 401
      GET /api/onward-referrals/{id}                                                | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 401
      POST /api/admin/data-subject-export                                           | 403    | 403    | 403    | 403    | 403    | 403    | 403    | 403    | 404    | 403    | 403    | 403    | 403    | 403    | 403    | 401
      POST /api/cases                                                               | ok     | ok     | ok     | ok     | ok     | ok     | ok     | ok     | 403    | ok     | ok     | ok     | ok     | ok     | ok     | 401
      POST /api/cases/{caseNumber}/consents                                         | ok     | ok     | ok     | ok     | 404    | 404    | ok     | ok     | ok     | ok     | ok     | 404    | 404    | 404    | 404    | 401
      POST /api/cases/{caseNumber}/consents/{id}/withdrawal                         | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 401
      POST /api/health-check-invitations                                            | ok     | 403    | 403    | 403    | 403    | 403    | 403    | 403    | 403    | ok     | 403    | 403    | 403    | 403    | 403    | 401
      POST /api/health-check-invitations/{caseNumber}/booking                       | 403    | 404    | 404    | 404    | 403    | 403    | 404    | 404    | 403    | 403    | 404    | 403    | 403    | 403    | 403    | 401
      POST /api/oh-handovers                                                        | 403    | 403    | 403    | 403    | ok     | 403    | 403    | 403    | 403    | 403    | 403    | ok     | 403    | 403    | 403    | 401
      POST /api/oh-handovers/{caseNumber}/employment-end-date                       | 403    | 403    | 403    | 403    | 404    | 403    | 403    | 403    | 403    | 403    | 403    | 404    | 403    | 403    | 403    | 401
      POST /api/oh-handovers/{caseNumber}/job-loss                                  | 404    | 403    | 403    | 403    | 404    | 403    | 403    | 403    | 403    | 404    | 403    | 404    | 403    | 403    | 403    | 401
      POST /api/onward-referrals/{id}/accept                                        | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 401
      POST /api/onward-referrals/{id}/cancel                                        | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 401
      POST /api/onward-referrals/{id}/complete                                      | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 401
      POST /api/onward-referrals/{id}/reject                                        | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 404    | 401
      POST /api/referrals                                                           | ok     | 403    | 403    | 403    | 403    | 403    | 403    | 403    | 403    | ok     | 403    | 403    | 403    | 403    | 403    | 401
      GET /engine-rest/task?processInstanceBusinessKey={caseNumber}                 | 404    | ok     | 404    | 404    | 404    | 404    | 404    | 404    | ok     | 404    | 404    | 404    | 404    | 404    | 404    | 401
      GET /engine-rest/task/{task}/form-variables                                   | 403    | ok     | 403    | 403    | 403    | 403    | 403    | 403    | ok     | 403    | 403    | 403    | 403    | 403    | 403    | 401
      POST /engine-rest/task/{task}/submit-form                                     | 403    | ok     | 403    | 403    | 403    | 403    | 403    | 403    | ok     | 403    | 403    | 403    | 403    | 403    | 403    | 401
      POST /engine-rest/process-definition/key/te-referral/submit-form              | ok     | 403    | 403    | 403    | 403    | 403    | 403    | 403    | ok     | 404    | 404    | 404    | 404    | 404    | 404    | 401
      POST /engine-rest/process-definition/key/health-check-invitation/submit-form  | ok     | 403    | 403    | ok     | 403    | 403    | 403    | 403    | ok     | 404    | 404    | 404    | 404    | 404    | 404    | 401
      POST /engine-rest/process-definition/key/oh-handover/submit-form              | 403    | 403    | 403    | 403    | ok     | 403    | 403    | 403    | ok     | 404    | 404    | 404    | 404    | 404    | 404    | 401
      POST /engine-rest/process-definition/key/onward-referral/submit-form          | ok     | ok     | ok     | ok     | ok     | 403    | ok     | 403    | ok     | 404    | 404    | 404    | 404    | 404    | 404    | 401
      POST /engine-rest/process-definition/key/supported-employment/submit-form     | 403    | 403    | 403    | 403    | 403    | 403    | ok     | 403    | ok     | 404    | 404    | 404    | 404    | 404    | 404    | 401
      """;

  /** The engine REST resources Tasklist uses, besides every /api operation. */
  static final List<String> ENGINE_ROWS = List.of(
      "GET /engine-rest/task?processInstanceBusinessKey={caseNumber}",
      "GET /engine-rest/task/{task}/form-variables",
      "POST /engine-rest/task/{task}/submit-form",
      "POST /engine-rest/process-definition/key/te-referral/submit-form",
      "POST /engine-rest/process-definition/key/health-check-invitation/submit-form",
      "POST /engine-rest/process-definition/key/oh-handover/submit-form",
      "POST /engine-rest/process-definition/key/onward-referral/submit-form",
      "POST /engine-rest/process-definition/key/supported-employment/submit-form");

  @LocalServerPort int port;
  HttpTestClient http;

  @Test
  @Order(1)
  void everyCallerGetsTheDeclaredAnswerFromEveryEndpoint() throws IOException {
    http = new HttpTestClient(port);
    for (StaffGroup group : StaffGroup.values()) {
      staff("it-matrix-" + group.id(), group.id());
    }
    HttpResponse<String> docs = http.send(http.request("/v3/api-docs", ADMIN, ADMIN_PASSWORD).GET().build());
    JsonNode openApi = JSON.readTree(docs.body());
    OpenApiBodies bodies = new OpenApiBodies(openApi);
    String caseNumber = openReferralCase();
    String task = "";
    for (int attempt = 0; attempt < 40 && task.isEmpty(); attempt++) {
      runJobs(caseNumber, job -> !String.valueOf(activityOf(job)).contains("Sla"));
      task = JSON.readTree(send("GET", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber,
          "polku-admin", null).body()).path(0).path("id").asText();
      if (task.isEmpty()) {
        sleep(500);
      }
    }
    assertThat(task).as("the fixture's triage task").isNotEmpty();

    Map<String, List<String>> expected = parse(EXPECTED);
    Map<String, List<String>> observed = new LinkedHashMap<>();
    List<String> mismatches = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = openApi.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue().fields().forEachRemaining(op -> {
        if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
          rows.add(op.getKey().toUpperCase() + " " + path.getKey());
        }
      });
    }
    rows.sort(null);
    rows.addAll(ENGINE_ROWS);
    int cells = 0;
    for (String row : rows) {
      String method = row.substring(0, row.indexOf(' '));
      String template = row.substring(row.indexOf(' ') + 1);
      String url = template.replace("{caseNumber}", caseNumber).replace("{task}", task).replace("{id}", "999999999");
      JsonNode operation = openApi.path("paths").path(template).path(method.toLowerCase());
      // Required query parameters get a value, so that the door, not a missing parameter, answers.
      StringBuilder query = new StringBuilder();
      for (JsonNode parameter : operation.path("parameters")) {
        if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean(false)) {
          query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asText()).append('=')
              .append(java.net.URLEncoder.encode(bodies.valueFor(parameter.path("name").asText(),
                  parameter.path("schema")).asText(), StandardCharsets.UTF_8));
        }
      }
      url += query;
      List<String> answers = new ArrayList<>();
      for (String column : COLUMNS) {
        String body = null;
        if (operation.path("requestBody").path("content").has("application/json")) {
          body = bodies.base(operation.path("requestBody").path("content").path("application/json").path("schema"))
              .toString();
        } else if (url.startsWith("/engine-rest") && method.equals("POST")) {
          // An empty submission: an allowed caller gets the form's own refusal (400), no task is used up.
          body = "{\"variables\":{}}";
        } else if (method.equals("POST")) {
          body = "";
        }
        HttpResponse<String> answer = send(method, url, column, body);
        String cell = cell(answer, url);
        answers.add(cell);
        cells++;
        List<String> declared = expected.get(row);
        if (declared != null && !declared.get(COLUMNS.indexOf(column)).equals(cell)) {
          mismatches.add(row + " as " + column + ": expected " + declared.get(COLUMNS.indexOf(column)) + ", got "
              + cell + " (" + answer.statusCode() + " " + abbreviate(answer.body()) + ")");
        }
      }
      observed.put(row, answers);
    }
    String table = render(observed);
    Files.createDirectories(Path.of("target", "reliability"));
    Files.writeString(Path.of("target", "reliability", "access-matrix.md"), "# Access matrix (AccessMatrixIT)\n\n"
        + cells + " cells: " + observed.size() + " endpoints x " + COLUMNS.size() + " callers.\n\n" + table);
    System.out.println("[access-matrix] " + cells + " cells (" + observed.size() + " endpoints x " + COLUMNS.size()
        + " callers); table in target/reliability/access-matrix.md\n" + table);
    List<String> undeclared = rows.stream().filter(row -> !expected.containsKey(row)).toList();
    assertThat(undeclared).as("endpoints without a declared row in EXPECTED (observed rows printed above)").isEmpty();
    assertThat(mismatches).as("cells that differ from EXPECTED").isEmpty();
  }

  /**
   * What an attacker guessing another agency's system password sees: 401 for each wrong guess, then
   * 429 with Retry-After for its address, even with the right password; the real system, calling
   * from its own address, is held back at most the engine's short delay and never locked out.
   */
  @Test
  @Order(3)
  void aPasswordGuesserIsThrottledWithoutLockingTheRealUserOut() throws Exception {
    http = new HttpTestClient(port);
    String attacker = "203.0.113.7";
    String realSystem = "203.0.113.8";
    List<Integer> guesses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String path = i % 2 == 0 ? "/api/onward-referrals" : "/engine-rest/task";
      guesses.add(http.send(http.request(path, "kela-system", "guess-" + i).header("X-Forwarded-For", attacker)
          .GET().build()).statusCode());
    }
    assertThat(guesses.subList(0, 10)).containsOnly(401);
    HttpResponse<String> refused = http.send(http.request("/api/onward-referrals", "kela-system", SYSTEM_PASSWORD)
        .header("X-Forwarded-For", attacker).GET().build());
    assertThat(guesses.subList(10, 12)).containsOnly(429);
    assertThat(refused.statusCode()).as("the attacker's address, even with the right password").isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

    long began = System.currentTimeMillis();
    int status = 0;
    while (System.currentTimeMillis() - began < 10_000) {
      status = http.send(http.request("/api/onward-referrals", "kela-system", SYSTEM_PASSWORD)
          .header("X-Forwarded-For", realSystem).GET().build()).statusCode();
      if (status == 200) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(status).as("the real system from its own address").isEqualTo(200);
    assertThat(System.currentTimeMillis() - began).as("held back at most the engine's 5-second delay")
        .isLessThan(7_000);
  }

  /** Our APIs answer with headers that keep a browser from sniffing, framing or caching them; HSTS only over TLS. */
  /**
   * The matrix's staff leave with their test: as members of the real groups they would otherwise
   * receive the task mails of every later test that shares this database.
   */
  @org.junit.jupiter.api.AfterEach
  void matrixStaffLeave() {
    for (StaffGroup group : StaffGroup.values()) {
      if (identityService.createUserQuery().userId("it-matrix-" + group.id()).count() > 0) {
        identityService.deleteUser("it-matrix-" + group.id());
      }
    }
  }

  @Test
  @Order(2)
  void apiAnswersCarrySecurityHeadersAndHstsOnlyBehindTls() {
    http = new HttpTestClient(port);
    for (String path : List.of("/api/onward-referrals", "/engine-rest/task", "/api/no-such-path")) {
      HttpResponse<String> plain = http.send(http.request(path, "te-system", SYSTEM_PASSWORD).GET().build());
      assertThat(plain.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(plain.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(plain.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
          .contains("default-src 'none'", "frame-ancestors 'none'");
      assertThat(plain.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
      assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
    }
    HttpResponse<String> anonymous = http.send(http.request("/api/onward-referrals", null).GET().build());
    assertThat(anonymous.headers().firstValue("X-Content-Type-Options")).as("a 401 too").hasValue("nosniff");
    HttpResponse<String> behindTls = http.send(http.request("/api/onward-referrals", "te-system", SYSTEM_PASSWORD)
        .header("X-Forwarded-Proto", "https").GET().build());
    assertThat(behindTls.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");
    HttpResponse<String> page = http.send(http.request("/cases/login", null).GET().build());
    assertThat(page.headers().firstValue("X-Content-Type-Options")).as("our own pages").hasValue("nosniff");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String cell(HttpResponse<String> answer, String url) {
    int status = answer.statusCode();
    if (status == 401 || status == 403 || status == 404) {
      return String.valueOf(status);
    }
    if (url.startsWith("/engine-rest/task?") && status == 200 && "[]".equals(answer.body().trim())) {
      // A task list without the case's task: the task is not shown to this caller.
      return "404";
    }
    return status >= 500 ? String.valueOf(status) : "ok";
  }

  private HttpResponse<String> send(String method, String url, String column, String body) {
    String user = switch (column) {
      case "anonymous" -> null;
      case "polku-admin" -> ADMIN;
      default -> column.endsWith("-system") ? column : "it-matrix-" + column;
    };
    String password = column.equals("polku-admin") ? ADMIN_PASSWORD
        : column.endsWith("-system") ? SYSTEM_PASSWORD : STAFF_PASSWORD;
    HttpRequest.Builder request = http.request(url, user, password);
    if (body == null) {
      return http.send(request.GET().build());
    }
    return http.send(request.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  static Map<String, List<String>> parse(String table) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    List<String> lines = table.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\|");
      rows.put(cells[0].strip(), Arrays.stream(cells).skip(1).map(String::strip).toList());
      assertThat(rows.get(cells[0].strip())).as(line).hasSize(COLUMNS.size());
    }
    return rows;
  }

  static String render(Map<String, List<String>> rows) {
    StringBuilder md = new StringBuilder("| endpoint | " + String.join(" | ", COLUMNS) + " |\n|---|");
    md.append("---|".repeat(COLUMNS.size())).append('\n');
    rows.forEach((row, cells) -> md.append("| `").append(row).append("` | ").append(String.join(" | ", cells))
        .append(" |\n"));
    return md.toString();
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }

  private String openReferralCase() throws IOException {
    String body = "{\"identityCode\":\"" + TestReferrals.randomTestCode() + "\",\"name\":\"Testi Asiakas\","
        + "\"email\":\"asiakas@polku.invalid\",\"municipality\":\"Jyväskylä\",\"unemploymentMonths\":26,"
        + "\"criteria\":" + TestReferrals.criteriaJson() + ",\"reason\":\"Osatyökykyisyys\",\"question\":\"Mikä tukisi?\","
        + "\"consent\":{\"includesHealth\":true,\"validUntil\":\"" + java.time.LocalDate.now(WorkingDays.FINLAND).plusYears(1) + "\"}}";
    HttpResponse<String> answer = send("POST", "/api/referrals", "te-system", body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return JSON.readTree(answer.body()).path("caseNumber").asText();
  }
}
