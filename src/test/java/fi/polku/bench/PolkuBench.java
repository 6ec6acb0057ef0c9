package fi.polku.bench;

import fi.polku.calendar.WorkingDays;
import fi.polku.engine.TasklistForm;
import fi.polku.security.StaffGroup;
import fi.polku.support.HttpTestClient;
import fi.polku.support.TestReferrals;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark itself (docs/performance.md): throughput of each path against its bare-engine
 * baseline, Tasklist and the case API at scale, history at scale. Runs the same code with the
 * issue's numbers (PolkuBenchmark, {@code bench/run}) and with tiny ones (BenchmarkSmokeIT).
 */
final class PolkuBench {

  static final String MAIL_DELIVERY = "mail-delivery";
  static final List<String> GROUPS = StaffGroup.ids();
  static final String STAFF_PASSWORD = "bench-staff-Secret-1";

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final String CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  private static final int TEST_CODES = 28 * 12 * 40 * 100;
  private static final AtomicLong NEXT_CODE = new AtomicLong(new Random().nextInt(TEST_CODES));
  private static final AtomicLong NEXT_KEY = new AtomicLong(System.currentTimeMillis() % 1_000_000);

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final HttpTestClient http;
  private final BenchSettings settings;
  private final BenchReport report;
  private final Credentials credentials;
  private final PathDriver driver;
  private final Path outputDirectory;
  final List<String> removedAfter = new ArrayList<>();

  /** Who calls the HTTP APIs: an employment-services system and an administrator. */
  record Credentials(String systemUser, String systemPassword, String adminUser, String adminPassword) {}

  PolkuBench(ProcessEngine engine, JdbcTemplate jdbc, HttpTestClient http, BenchSettings settings, BenchReport report,
      Credentials credentials, Path outputDirectory) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.http = http;
    this.settings = settings;
    this.report = report;
    this.credentials = credentials;
    this.driver = new PathDriver(engine);
    this.outputDirectory = outputDirectory;
  }

  /** Runs every part of the benchmark; with removeClones, deletes the rows it cloned in SQL afterwards. */
  void runAll(boolean removeClones) throws Exception {
    // The smoke test shares its database with the other integration tests: no staff users there, as a
    // mail to an extra group member would change their results. The groups' queries need none.
    prepare(!removeClones);
    // -Dbench.only=tasklist,history runs only those parts (while iterating on one of them).
    List<String> only = List.of(System.getProperty("bench.only", "referral,handover,cohort,tasklist,history").split(","));
    if (only.contains("referral")) {
      referralThroughput();
    }
    if (only.contains("handover")) {
      handoverThroughput();
    }
    if (only.contains("cohort")) {
      cohortImport();
    }
    if (only.contains("tasklist")) {
      new TasklistAtScale(this).run(removeClones);
    }
    if (only.contains("history")) {
      new HistoryAtScale(this).run(removeClones);
    }
  }

  // --- setup -----------------------------------------------------------------------------------

  void prepare(boolean withStaff) {
    engine.getRepositoryService().createDeployment().name("polku-benchmark-baselines").enableDuplicateFiltering(true)
        .addClasspathResource("bench/te-referral-baseline.bpmn")
        .addClasspathResource("bench/health-check-invitation-baseline.bpmn")
        .addClasspathResource("bench/oh-handover-baseline.bpmn")
        .deploy();
    // One member a group, so that the paths' group notices go out as in production.
    for (String group : withStaff ? GROUPS : List.<String>of()) {
      staff(staffUser(group), group);
    }
    for (String group : List.of("work-ability-team", "te-coordinator")) {
      if (engine.getIdentityService().createUserQuery().userId(CASE_MANAGER).count() == 0) {
        org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(CASE_MANAGER);
        user.setFirstName("Bench");
        user.setLastName("Asiakasvastaava");
        user.setPassword(STAFF_PASSWORD);
        engine.getIdentityService().saveUser(user);
      }
      if (engine.getIdentityService().createUserQuery().userId(CASE_MANAGER).memberOfGroup(group).count() == 0) {
        engine.getIdentityService().createMembership(CASE_MANAGER, group);
      }
    }
    // The baselines are started by the same users as their paths, with the same kind of grant.
    grantStart("te-coordinator", "te-referral-baseline");
    grantStart("oh-professional", "oh-handover-baseline");
  }

  /**
   * The case manager the bench's mapping and take-over choose: a member of both groups without an
   * e-mail address, so that no group notice of the other integration tests on this database changes.
   */
  static final String CASE_MANAGER = "bench-case-manager";

  static String staffUser(String group) {
    return "bench-" + group;
  }

  private void staff(String id, String group) {
    fi.polku.support.PostgresSpringTest.staff(engine.getIdentityService(), id, group, STAFF_PASSWORD);
  }

  private void grantStart(String group, String processKey) {
    var authorizations = engine.getAuthorizationService();
    if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(processKey).count() == 0) {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(processKey);
      grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant.addPermission(Permissions.READ);
      authorizations.saveAuthorization(grant);
    }
  }

  /** A made-up identity code (individual number 900–999), never the same twice in a run. */
  static String uniqueTestCode() {
    long n = NEXT_CODE.getAndIncrement() % TEST_CODES;
    int individual = 900 + (int) (n % 100);
    n /= 100;
    int day = 1 + (int) (n % 28);
    n /= 28;
    int month = 1 + (int) (n % 12);
    n /= 12;
    int year = 50 + (int) (n % 40);
    String date = String.format("%02d%02d%02d", day, month, year);
    return date + "-" + individual + CHECK_CHARS.charAt(Integer.parseInt(date + individual) % 31);
  }

  private static String baselineKey() {
    return "BENCH-" + NEXT_KEY.incrementAndGet();
  }

  // --- paths -----------------------------------------------------------------------------------

  static final PathDriver.Path TE_REFERRAL = new PathDriver.Path("te-referral", Map.of(
      "Task_ConfirmTriage", triageForm(),
      "Task_BookAppointment", Map.of("appointmentKind", "team-appointment",
          "appointmentAt", Instant.now().plus(7, ChronoUnit.DAYS),
          "appointmentPlace", "Sote-keskus, huone 12"),
      "Task_MapWorkAbility", Map.of("appointmentAttended", true, "workAbilityAssessment", "Työkyky osittain alentunut",
          "supportPlan", "Ammatillinen kuntoutus", "followOnPaths", List.of("vocational-rehabilitation"),
          "caseManager", CASE_MANAGER),
      "Task_ReviewPlan", Map.of("planReviewed", true),
      "Task_FollowUp3", Map.of("outcome3", "education", "satisfaction3", 9),
      "Task_FollowUp6", Map.of("outcome6", "employed", "satisfaction6", 10),
      "Task_EscalateTriage", Map.of("escalationNote", "Hoidettu")),
      Set.of("Timer_TriageSla"), null);

  static final PathDriver.Path TE_REFERRAL_BASELINE = new PathDriver.Path("te-referral-baseline",
      TE_REFERRAL.forms(), TE_REFERRAL.skippedTimers(), null, TE_REFERRAL.processKey());

  static final PathDriver.Path OH_HANDOVER = new PathDriver.Path("oh-handover", Map.of(
      "Task_ExtendedHealthCheck", Map.of("statutoryDone", true, "statutoryMinutes", 45, "pilotDone", true,
          "pilotMinutes", 90, "findings", "Ei rajoitteita kevyeen työhön", "rehabilitationNeed", false),
      "Task_SendRehabilitationNotice", Map.of("rehabilitationService", "pension-vocational-rehabilitation",
          "rehabilitationConsentGiven", false),
      "Task_AskConsent", Map.of("consentGiven", true, "consentIncludesHealth", false,
          "consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1)),
      "Task_TakeOver", Map.of("clientContacted", true, "caseManager", CASE_MANAGER,
          "followOnPath", "education", "clientExperience", 8)),
      Set.of("Timer_GracePeriod", "Timer_TakeOverDue"), "JobLossReported");

  static final PathDriver.Path OH_HANDOVER_BASELINE = new PathDriver.Path("oh-handover-baseline",
      OH_HANDOVER.forms(), OH_HANDOVER.skippedTimers(), "JobLossReportedBaseline", OH_HANDOVER.processKey());

  private static Map<String, Object> triageForm() {
    Map<String, Object> form = new HashMap<>();
    for (int item = 1; item <= 12; item++) {
      form.put("whodas" + item, 1);
    }
    form.put("triageDecision", "team-appointment");
    form.put("clientDeclined", false);
    form.put("initialInterviewDone", true);
    form.put("initialInterviewNotes", "Haluaa osa-aikatyötä");
    form.put("benefitsAdviceGiven", true);
    form.put("benefitsAdviceNotes", "Soviteltu työttömyysetuus");
    return form;
  }

  /** A TE coordinator's referral through Tasklist's start form; returns the process instance id. */
  String startReferral() {
    Map<String, Object> form = TestReferrals.startForm(true);
    form.put("identityCode", uniqueTestCode());
    String definitionId = latestDefinition("te-referral");
    VariableMap submitted = TasklistForm.ofStart(engine.getFormService(), definitionId).submit(form);
    return asUser("bench-te-coordinator", "te-coordinator", () -> engine.getFormService()
        .submitStartForm(definitionId, submitted).getId());
  }

  private String startReferralBaseline() {
    // The variables the path's start form submits, less the client's identity (intake would take it).
    VariableMap variables = TasklistForm.byId(TestReferrals.START_FORM).submit(TestReferrals.startForm(true));
    List.of("identityCode", "clientName", "clientEmail", "clientPhone").forEach(variables::remove);
    // What the real path's delegates and DMN would have decided.
    variables.put("triageProposal", "team-appointment");
    variables.put("consentInForce", true);
    variables.put("whodasFlag", "green");
    variables.put("planConsentInForce", true);
    variables.put("missedAppointments", 0);
    variables.put("referrerGroup", "te-coordinator");
    return asUser("bench-te-coordinator", "te-coordinator", () -> engine.getRuntimeService()
        .createProcessInstanceByKey("te-referral-baseline").businessKey(baselineKey()).setVariables(variables)
        .execute().getId());
  }

  /** What the occupational-health professional enters into oh-handover's start form. */
  private Map<String, Object> handoverForm() {
    Map<String, Object> form = new HashMap<>();
    form.put("identityCode", uniqueTestCode());
    form.put("clientName", "Testi Asiakas");
    form.put("clientEmail", "asiakas@polku.invalid");
    form.put("municipality", "Jyväskylä");
    form.put("providerName", "Työterveys Esimerkki Oy");
    form.put("employerName", "Esimerkkitehdas Oy");
    form.put("employmentEndDate", LocalDate.now(WorkingDays.FINLAND).plusMonths(1));
    form.put("changeSecurity", false);
    form.put("partialWorkAbility", true);
    form.put("threatOfUnemployment", true);
    return form;
  }

  private String startHandover() {
    String definitionId = latestDefinition("oh-handover");
    VariableMap submitted = TasklistForm.ofStart(engine.getFormService(), definitionId).submit(handoverForm());
    return asUser("bench-oh-professional", "oh-professional", () -> engine.getFormService()
        .submitStartForm(definitionId, submitted).getId());
  }

  private String startHandoverBaseline() {
    VariableMap variables = TasklistForm.byId("oh-handover-start").submit(handoverForm());
    List.of("identityCode", "clientName", "clientEmail", "clientPhone").forEach(variables::remove);
    variables.put("inTargetGroup", true);
    variables.put("handoverConsentInForce", true);
    return asUser("bench-oh-professional", "oh-professional", () -> engine.getRuntimeService()
        .createProcessInstanceByKey("oh-handover-baseline").businessKey(baselineKey()).setVariables(variables)
        .execute().getId());
  }

  private <T> T asUser(String user, String group, Supplier<T> work) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  String latestDefinition(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
  }

  // --- (a) baseline against (b) the real path ----------------------------------------------------

  void referralThroughput() throws Exception {
    throughput("te-referral", "referrals completed", settings.referralsPerRound(),
        () -> runPath(settings.referralsPerRound(), this::startReferralBaseline, TE_REFERRAL_BASELINE),
        () -> runPath(settings.referralsPerRound(), this::startReferral, TE_REFERRAL),
        "referral");
  }

  void handoverThroughput() throws Exception {
    throughput("oh-handover", "hand-overs completed", settings.handoversPerRound(),
        () -> runPath(settings.handoversPerRound(), this::startHandoverBaseline, OH_HANDOVER_BASELINE),
        () -> runPath(settings.handoversPerRound(), this::startHandover, OH_HANDOVER),
        null);
  }

  /** Starts n instances and drives each to its end; for a real path also delivers the mails it queued. */
  private double runPath(int n, Supplier<String> start, PathDriver.Path path) {
    long began = System.nanoTime();
    for (int i = 0; i < n; i++) {
      driver.toEnd(start.get(), path);
    }
    if (!path.processKey().endsWith("-baseline")) {
      driver.runAllJobs(MAIL_DELIVERY);
    }
    return n / seconds(began);
  }

  private void throughput(String section, String what, int perRound, Supplier<Double> baseline, Supplier<Double> real,
      String profileName) throws Exception {
    Samples a = new Samples();
    Samples b = new Samples();
    Samples ratio = new Samples();
    for (int round = 0; round < settings.warmupRounds() + settings.rounds(); round++) {
      double baseRate = baseline.get();
      double realRate = real.get();
      if (round >= settings.warmupRounds()) {
        a.add(baseRate);
        b.add(realRate);
        ratio.add(realRate / baseRate);
      }
    }
    report.add(section, "(a) baseline: " + what + " per second", "/s", a, null, null,
        perRound + " per round, engine Java API, one thread");
    report.add(section, "(b) Polku: " + what + " per second", "/s", b, null, null,
        "real delegates, DMN, consent checks, outbox and mail delivery");
    report.add(section, "ratio b/a", "", ratio, "≥ 0.8", ratio.median() >= 0.8, "median of per-round ratios");
    if (settings.profile() && profileName != null) {
      Profiler.profile(outputDirectory, profileName, () -> real.get());
    }
  }

  // --- health-check-invitation: cohort import ----------------------------------------------------

  /**
   * One invitation round of cohortRows rows, posted in requests of cohortChunk rows; before each
   * request the baseline starts as many instances. Each request's rate is a sample.
   */
  void cohortImport() throws Exception {
    int rows = settings.cohortRows();
    int chunk = settings.cohortChunk();
    Samples a = new Samples();
    Samples b = new Samples();
    Samples ratio = new Samples();
    startHealthCheckBaselines(Math.min(rows, chunk)); // warm-up
    importCohort(Math.min(rows, chunk));
    long started = 0;
    double realSeconds = 0;
    for (int from = 0; from < rows; from += chunk) {
      int n = Math.min(chunk, rows - from);
      long began = System.nanoTime();
      startHealthCheckBaselines(n);
      double baseRate = n / seconds(began);
      began = System.nanoTime();
      started += importCohort(n);
      double took = seconds(began);
      realSeconds += took;
      a.add(baseRate);
      b.add(n / took);
      ratio.add(n / took / baseRate);
    }
    report.add("health-check-invitation", "(a) baseline: instances started per second", "rows/s", a, null, null,
        "as many instances as rows, engine Java API, one thread");
    report.add("health-check-invitation", "(b) Polku: cohort import through POST /api/health-check-invitations",
        "rows/s", b, "≥ 200 rows/s", b.median() >= 200, String.format(java.util.Locale.ROOT,
            "one round of %d rows in requests of %d (the API takes 1 MiB a request; each request is a sample):"
                + " %.0f rows/s overall, %d rows started an invitation", rows, chunk, rows / realSeconds, started));
    report.add("health-check-invitation", "ratio b/a", "", ratio, "≥ 0.8", ratio.median() >= 0.8,
        "b includes HTTP, JSON, identity encryption, duplicate check, DMN and the case");
    if (settings.profile()) {
      Profiler.profile(outputDirectory, "cohort-import", () -> {
        try {
          importCohort(Math.min(rows, chunk));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  private void startHealthCheckBaselines(int n) {
    for (int i = 0; i < n; i++) {
      Map<String, Object> variables = cohortScreening();
      variables.put("eligible", true);
      variables.put("wayIn", "invitation");
      variables.put("requestedBy", credentials.systemUser());
      engine.getRuntimeService().createProcessInstanceByKey("health-check-invitation-baseline")
          .businessKey(baselineKey()).setVariables(variables).execute();
    }
  }

  private Map<String, Object> cohortScreening() {
    Map<String, Object> screening = new HashMap<>();
    screening.put("unemployed", true);
    screening.put("coveredByOccupationalHealth", false);
    screening.put("monthsSinceLastHealthCheck", 24);
    screening.put("unemploymentMonths", 14);
    return screening;
  }

  /** Posts the rows in chunks as the employment services' system; returns how many started an invitation. */
  private long importCohort(int rows) throws Exception {
    long started = 0;
    for (int from = 0; from < rows; from += settings.cohortChunk()) {
      int to = Math.min(rows, from + settings.cohortChunk());
      StringBuilder json = new StringBuilder("[");
      for (int i = from; i < to; i++) {
        json.append(i == from ? "" : ",").append("{\"identityCode\":\"").append(uniqueTestCode())
            .append("\",\"name\":\"Testi Asiakas\",\"email\":\"asiakas@polku.invalid\",\"municipality\":\"Jyväskylä\",")
            .append("\"unemploymentMonths\":14,\"unemployed\":true,\"coveredByOccupationalHealth\":false,")
            .append("\"monthsSinceLastHealthCheck\":24}");
      }
      HttpResponse<String> response = http.send(http.request("/api/health-check-invitations",
              credentials.systemUser(), credentials.systemPassword())
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.append(']')
              .toString())).build());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("cohort import answered " + response.statusCode() + ": " + response.body());
      }
      started += JSON.readTree(response.body()).get("counts").get("started").asLong();
    }
    return started;
  }

  // --- helpers shared with the scale sections ------------------------------------------------------

  ProcessEngine engine() {
    return engine;
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  HttpTestClient http() {
    return http;
  }

  BenchSettings settings() {
    return settings;
  }

  BenchReport report() {
    return report;
  }

  Credentials credentials() {
    return credentials;
  }

  PathDriver driver() {
    return driver;
  }

  Path outputDirectory() {
    return outputDirectory;
  }

  static double seconds(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1e9;
  }

  static double millis(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1e6;
  }

  /** The columns of a table of the current schema, in order. */
  List<String> columns(String table) {
    return jdbc.queryForList("select column_name from information_schema.columns where table_schema = current_schema()"
        + " and table_name = ? order by ordinal_position", String.class, table.toLowerCase());
  }

  /**
   * Inserts n copies of the source rows (round robin) with the columns given new values; g is the
   * copy's number (0..n-1) and s the source row in the expressions.
   */
  int cloneRows(String table, String sourceQuery, long n, Map<String, String> overrides) {
    Integer sources = jdbc.queryForObject("select count(*) from (" + sourceQuery + ") x", Integer.class);
    if (sources == null || sources == 0 || n <= 0) {
      return 0;
    }
    List<String> columns = columns(table);
    String select = columns.stream().map(column -> overrides.getOrDefault(column, "s." + column))
        .collect(Collectors.joining(", "));
    return jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select
        + copies(sourceQuery, n));
  }

  /**
   * The FROM clause of n copies of the source rows, round robin: g is the copy's number (0..n-1)
   * and s its source row.
   */
  static String copies(String sourceQuery, long n) {
    return " from generate_series(0, " + (n - 1) + ") g join (select x.*, row_number() over (order by x.id_) - 1 as"
        + " bench_rn from (" + sourceQuery + ") x) s on s.bench_rn = g % (select count(*) from (" + sourceQuery + ") y)";
  }

  static String jobsOf(List<Job> jobs) {
    return jobs.stream().map(Job::getId).collect(Collectors.joining(","));
  }
}
