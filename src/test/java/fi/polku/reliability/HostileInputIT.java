package fi.polku.reliability;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.polku.engine.TasklistForm;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.TestReferrals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile input (issue 20): a corpus generated from the OpenAPI document against every /api
 * operation, and against every Camunda Form submission through /engine-rest that Tasklist makes
 * (start forms and the task forms of open tasks), plus broken CSV for the cohort import. Never a
 * 5xx; /api refusals are problem+json without a stack trace, naming the field the input broke;
 * a refused request stores nothing (the rows of Polku's tables and the engine's runtime and
 * history tables are counted before and after each one). New endpoints and forms join the
 * corpus by themselves. How many inputs were tried goes to target/reliability/hostile-input.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT extends PostgresSpringTest {

  /** Mail the runs' steps send goes here (the referral's notices). */
  @org.junit.jupiter.api.extension.RegisterExtension
  static com.icegreen.greenmail.junit5.GreenMailExtension smtp = new com.icegreen.greenmail.junit5.GreenMailExtension(
      new com.icegreen.greenmail.util.ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final List<String> SYSTEMS = List.of("te-system", "sote-system", "oh-system", "esh-system", "kela-system",
      "pension-system");
  /** Engine tables a refused request must not touch besides our own (meter logs and identity are left out). */
  static final Set<String> ENGINE_TABLES = Set.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_job",
      "act_ru_incident", "act_ru_event_subscr", "act_ru_identitylink", "act_hi_procinst", "act_hi_varinst",
      "act_hi_taskinst", "act_hi_actinst", "act_hi_detail", "act_ge_bytearray");
  /** Ours but not data of a request: the audit of who looked (refusals are audited on purpose). */
  static final Set<String> NOT_COUNTED = Set.of("consent_check", "polku_schema_history");

  /** Identity codes of every wrong shape. */
  static final List<String> WRONG_IDENTITY_CODES = List.of("", " ", "150385-9014", "150385+9013X", "150385X9013",
      "310285-9013", "000000-0000", "150385-901", "150385-90133", "15038590 13", "150385-0003", "１５０３８５-９０１３",
      "150385\u00AD-9013", "150385-9013\u0000", "' OR '1'='1", "<script>alert(1)</script>", "150385_9013",
      "9999999999999999999999", "150385-9013\n150385-9013");

  /** Values that break a string field. */
  static final Map<String, Supplier<JsonNode>> FIELD_MUTATIONS = new LinkedHashMap<>();

  static {
    FIELD_MUTATIONS.put("null", NODES::nullNode);
    FIELD_MUTATIONS.put("number", () -> NODES.numberNode(123));
    FIELD_MUTATIONS.put("negative", () -> NODES.numberNode(-1));
    FIELD_MUTATIONS.put("huge number", () -> NODES.numberNode(new java.math.BigInteger("9".repeat(40))));
    FIELD_MUTATIONS.put("boolean", () -> NODES.booleanNode(true));
    FIELD_MUTATIONS.put("text", () -> NODES.textNode("x"));
    FIELD_MUTATIONS.put("array", () -> NODES.arrayNode().add(1).add("a"));
    FIELD_MUTATIONS.put("object", () -> NODES.objectNode().put("a", 1));
    FIELD_MUTATIONS.put("huge string", () -> NODES.textNode("Ä".repeat(100_000)));
    FIELD_MUTATIONS.put("control characters", () -> NODES.textNode("a\u0000b\u0007c\u001b[31m\u007f"));
    FIELD_MUTATIONS.put("lone surrogate", () -> NODES.textNode("a\uD800b"));
    FIELD_MUTATIONS.put("bidi and zero-width", () -> NODES.textNode("\u202Eabc\u200B\uFEFF"));
    FIELD_MUTATIONS.put("sql", () -> NODES.textNode("'; drop table client; --"));
    FIELD_MUTATIONS.put("date nonsense", () -> NODES.textNode("2026-02-30"));
    FIELD_MUTATIONS.put("empty", () -> NODES.textNode(""));
  }

  static int inputs;
  static int refusedByContainer;
  static final Map<String, Integer> inputsBySurface = new TreeMap<>();
  static final List<String> defects = new ArrayList<>();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  HttpTestClient http;
  JsonNode openApi;
  OpenApiBodies bodies;
  String countSql;

  @BeforeEach
  void setUp() throws IOException {
    http = new HttpTestClient(port);
    HttpResponse<String> docs = http.send(http.request("/v3/api-docs", ADMIN, ADMIN_PASSWORD).GET().build());
    assertThat(docs.statusCode()).isEqualTo(200);
    openApi = JSON.readTree(docs.body());
    bodies = new OpenApiBodies(openApi);
    List<String> tables = jdbc.queryForList("select lower(table_name) from information_schema.tables "
        + "where table_schema = current_schema() and table_type = 'BASE TABLE'", String.class).stream()
        .filter(table -> !NOT_COUNTED.contains(table))
        .filter(table -> !table.startsWith("act_") || ENGINE_TABLES.contains(table)).sorted().toList();
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < tables.size(); i++) {
      sql.append(i == 0 ? "" : " || ',' || ").append("'").append(tables.get(i)).append("=' || (select count(*) from ")
          .append(tables.get(i)).append(")");
    }
    countSql = sql.toString();
  }

  // The /api corpus ------------------------------------------------------------------------------

  @Test
  @Order(1)
  void everyApiOperationRefusesHostileInputCleanly() {
    int known = defects.size();
    String caseNumber = openReferralCase();
    JsonNode paths = openApi.path("paths");
    int operations = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
          continue;
        }
        operations++;
        corpus(op.getKey().toUpperCase(), path.getKey(), op.getValue(), caseNumber);
      }
    }
    System.out.println("[hostile-input] /api: " + operations + " operations from /v3/api-docs");
    assertThat(operations).isGreaterThan(10);
    assertThat(List.copyOf(defects.subList(known, defects.size()))).as("defects found by the /api corpus").isEmpty();
  }

  private void corpus(String method, String template, JsonNode operation, String caseNumber) {
    List<JsonNode> parameters = new ArrayList<>();
    operation.path("parameters").forEach(parameters::add);
    Map<String, String> pathValues = new LinkedHashMap<>();
    for (JsonNode parameter : parameters) {
      if ("path".equals(parameter.path("in").asText())) {
        String name = parameter.path("name").asText();
        pathValues.put(name, name.toLowerCase().contains("case") ? caseNumber : "1");
      }
    }
    Map<String, String> queryValues = new LinkedHashMap<>();
    for (JsonNode parameter : parameters) {
      if ("query".equals(parameter.path("in").asText())) {
        // A parameter whose description lists its values ("te-referral, health-check-invitation or ...") gets the first.
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile("^([a-z][a-z0-9-]+)(, | or )")
            .matcher(parameter.path("description").asText(""));
        queryValues.put(parameter.path("name").asText(), listed.find() ? listed.group(1)
            : valueFor(parameter.path("name").asText(), resolve(parameter.path("schema"))).asText());
      }
    }
    JsonNode content = operation.path("requestBody").path("content");
    String label = method + " " + template;
    String caller = callerFor(method, template, pathValues, queryValues, content);

    // Path parameters of every wrong shape.
    for (String name : pathValues.keySet()) {
      for (String hostile : List.of("x".repeat(5000), "..%2F..%2Fv3%2Fapi-docs", "%00", "%C3%28", "-1",
          "99999999999999999999", "%E2%80%AE%0A", "TK-2026-%27%20OR%201%3D1", "%3Cscript%3E")) {
        Map<String, String> values = new LinkedHashMap<>(pathValues);
        values.put(name, hostile);
        String body = content.has("application/json") ? base(content.get("application/json").path("schema")).toString() : null;
        send(label + " path " + name, method, url(template, values, queryValues), caller, "application/json",
            body == null ? null : body.getBytes(StandardCharsets.UTF_8), null);
      }
    }
    // Query parameters of every wrong shape.
    for (String name : queryValues.keySet()) {
      for (String hostile : List.of("", "abc", "-1", "99999999999999999999", "2026-13-45", "%00%01", "%C3%28",
          "x".repeat(5000))) {
        Map<String, String> values = new LinkedHashMap<>(queryValues);
        values.put(name, hostile);
        send(label + " query " + name, method, url(template, pathValues, values), caller, null, null, name);
      }
    }
    if (content.has("application/json")) {
      JsonNode schema = content.get("application/json").path("schema");
      String url = url(template, pathValues, queryValues);
      // Whole bodies.
      Map<String, byte[]> bodies = new LinkedHashMap<>();
      bodies.put("no body", new byte[0]);
      bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
      bodies.put("empty object", "{}".getBytes(StandardCharsets.UTF_8));
      bodies.put("empty array", "[]".getBytes(StandardCharsets.UTF_8));
      bodies.put("broken JSON", "{\"a\":".getBytes(StandardCharsets.UTF_8));
      bodies.put("string", "\"text\"".getBytes(StandardCharsets.UTF_8));
      bodies.put("deep arrays", ("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
      bodies.put("deep objects", ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
      bodies.put("over 1 MiB", ("{\"a\":\"" + "x".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8));
      bodies.put("invalid UTF-8", withInvalidUtf8(base(schema).toString()));
      bodies.put("byte-order mark", ("\uFEFF" + base(schema)).getBytes(StandardCharsets.UTF_8));
      bodies.put("extra field", withExtraField(base(schema)).toString().getBytes(StandardCharsets.UTF_8));
      bodies.put("duplicate keys", duplicateKeys(base(schema).toString()).getBytes(StandardCharsets.UTF_8));
      bodies.put("huge exponent", base(schema).toString().replaceFirst(":\\s*(\\d+)", ":1e400")
          .getBytes(StandardCharsets.UTF_8));
      bodies.forEach((name, bytes) -> send(label + " body " + name, method, url, caller, "application/json", bytes,
          name.equals("extra field") ? "unexpected" : null));
      send(label + " body as text/plain", method, url, caller, "text/plain",
          base(schema).toString().getBytes(StandardCharsets.UTF_8), null);
      // Every field of the body (and of nested objects), broken one at a time.
      for (String field : fields(schema)) {
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        Map<String, Supplier<JsonNode>> mutations = new LinkedHashMap<>(FIELD_MUTATIONS);
        mutations.put("missing", () -> null);
        if (leaf.toLowerCase().contains("identitycode")) {
          WRONG_IDENTITY_CODES.forEach(code -> mutations.put("identity code '" + printable(code) + "'",
              () -> NODES.textNode(code)));
        }
        mutations.forEach((name, value) -> {
          JsonNode body = base(schema);
          set(body, field, value.get());
          send(label + " field " + field + " " + name, method, url, caller, "application/json",
              body.toString().getBytes(StandardCharsets.UTF_8), leaf);
        });
      }
    }
    if (content.has("text/csv")) {
      String url = url(template, pathValues, queryValues);
      hostileCsv().forEach((name, bytes) -> send(label + " csv " + name, method, url, caller, "text/csv", bytes, null));
    }
    if (!content.has("application/json") && !content.has("text/csv") && "POST".equals(method)) {
      // An operation without a body given one anyway.
      send(label + " unexpected body", method, url(template, pathValues, queryValues), caller, "application/json",
          "{\"x\":[[[[1]]]]}".getBytes(StandardCharsets.UTF_8), null);
    }
  }

  /** The system user whose request reaches the operation's own checks (not 401/403): its validation is tried. */
  private String callerFor(String method, String template, Map<String, String> path, Map<String, String> query,
      JsonNode content) {
    for (String user : SYSTEMS) {
      byte[] body = content.has("application/json")
          ? "{\"probe\":true}".getBytes(StandardCharsets.UTF_8) : null;
      if (content.has("application/json") && content.get("application/json").path("schema").path("type").asText()
          .equals("array")) {
        body = "[]".getBytes(StandardCharsets.UTF_8);
      }
      HttpResponse<String> answer = raw(method, url(template, path, query), user, content.has("application/json")
          ? "application/json" : null, body);
      if (answer.statusCode() != 403 && answer.statusCode() != 401) {
        return user;
      }
    }
    return ADMIN;
  }

  // The /engine-rest form corpus -----------------------------------------------------------------

  @Test
  @Order(2)
  void everyFormSubmissionThroughEngineRestRefusesHostileInput() {
    int known = defects.size();
    // Open work on each path, so that task forms exist to attack.
    String referral = openReferralCase();
    for (int attempt = 0; attempt < 40; attempt++) {
      runJobs(referral, job -> !String.valueOf(activityOf(job)).contains("Sla"));
      if (engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referral).count() > 0) {
        break;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String handover = "{\"identityCode\":\"" + TestReferrals.randomTestCode() + "\",\"name\":\"Testi Asiakas\","
        + "\"email\":\"asiakas@polku.invalid\",\"municipality\":\"Jyväskylä\",\"provider\":\"Testi Työterveys\","
        + "\"employer\":\"Testi Oy\",\"employmentEndDate\":\"" + java.time.LocalDate.now(WorkingDays.FINLAND).plusMonths(2) + "\","
        + "\"changeSecurity\":true,\"partialWorkAbility\":true,\"threatOfUnemployment\":true}";
    HttpResponse<String> opened = raw("POST", "/api/oh-handovers", "oh-system", "application/json",
        handover.getBytes(StandardCharsets.UTF_8));
    if (opened.statusCode() == 201) {
      runJobs(opened.body().replaceAll("(?s).*\"caseNumber\"\\s*:\\s*\"([^\"]+)\".*", "$1"), job -> !String.valueOf(activityOf(job)).contains("Sla"));
    }
    FormService forms = engine.getFormService();
    int surfaces = 0;
    for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion()
        .list()) {
      CamundaFormRef ref = startRef(forms, definition.getId());
      if (ref == null) {
        continue;
      }
      surfaces++;
      TasklistForm form = TasklistForm.byId(ref.getKey());
      formCorpus("start " + definition.getKey(), "/engine-rest/process-definition/" + definition.getId()
          + "/submit-form", form, Map.of());
      formCorpus("start " + definition.getKey() + " (by key, /start)", "/engine-rest/process-definition/key/"
          + definition.getKey() + "/start", form, Map.of());
    }
    TaskService tasks = engine.getTaskService();
    Set<String> seenForms = new LinkedHashSet<>();
    for (Task task : tasks.createTaskQuery().active().list()) {
      CamundaFormRef ref = forms.getTaskFormData(task.getId()).getCamundaFormRef();
      if (ref == null || !seenForms.add(ref.getKey())) {
        continue;
      }
      surfaces++;
      TasklistForm form = TasklistForm.byId(ref.getKey());
      formCorpus("task " + ref.getKey(), "/engine-rest/task/" + task.getId() + "/submit-form", form,
          forms.getTaskFormVariables(task.getId()));
      formCorpus("task " + ref.getKey() + " (/complete)", "/engine-rest/task/" + task.getId() + "/complete", form,
          forms.getTaskFormVariables(task.getId()));
    }
    System.out.println("[hostile-input] /engine-rest: " + surfaces + " forms (" + seenForms + ")");
    assertThat(surfaces).isGreaterThan(3);
    assertThat(List.copyOf(defects.subList(known, defects.size()))).as("defects found by the form corpus").isEmpty();
  }

  private static CamundaFormRef startRef(FormService forms, String definitionId) {
    try {
      return forms.getStartFormData(definitionId).getCamundaFormRef();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void formCorpus(String label, String url, TasklistForm form, Map<String, Object> shown) {
    ObjectNode valid = validSubmission(form, shown);
    List<TasklistForm.Field> editable = form.fields().stream().filter(field -> !field.disabled()).toList();
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("no body", "");
    bodies.put("empty object", "{}");
    bodies.put("variables as array", "{\"variables\":[1,2]}");
    bodies.put("deep JSON", "{\"variables\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}");
    bodies.put("unknown field", withVariable(valid, "notInTheForm", NODES.textNode("x")).toString());
    bodies.put("Object-typed variable", withVariable(valid, editable.isEmpty() ? "x" : editable.get(0).key(),
        NODES.objectNode().put("value", "rO0ABXQAAXg=").put("type", "Object").set("valueInfo", NODES.objectNode()
            .put("objectTypeName", "java.lang.String").put("serializationDataFormat",
                "application/x-java-serialized-object"))).toString());
    for (TasklistForm.Field field : form.fields()) {
      if (field.disabled()) {
        bodies.put(field.key() + " read-only overwritten", withVariable(valid, field.key(),
            variable(NODES.textNode("changed"))).toString());
        continue;
      }
      ObjectNode missing = valid.deepCopy();
      ((ObjectNode) missing.path("variables")).remove(field.key());
      // Missing is harmless where the task already holds the variable (the form shows it prefilled).
      if (valid.path("variables").has(field.key()) && !shown.containsKey(field.key())) {
        bodies.put(field.key() + " missing", missing.toString());
      }
      List<JsonNode> wrong = switch (field.type()) {
        case "textfield", "textarea" -> List.of(NODES.numberNode(5), NODES.booleanNode(true),
            NODES.textNode("x".repeat(Math.max(field.maxLength() == null ? 10_000 : field.maxLength(), 10_000) + 1)),
            NODES.textNode("a\u0000b\u001b[31m"));
        case "number" -> List.of(NODES.textNode("viisi"), NODES.booleanNode(true), NODES.numberNode(1e300),
            NODES.numberNode(-1e300));
        case "checkbox" -> List.of(NODES.textNode("kyllä"), NODES.numberNode(1));
        case "select", "radio" -> List.of(NODES.textNode("not-an-option"), NODES.numberNode(7));
        case "checklist", "taglist" -> List.of(NODES.textNode("not-a-list"));
        case "datetime" -> List.of(NODES.textNode("31.12.2026"), NODES.textNode("2026-02-30T25:61"),
            NODES.numberNode(1));
        default -> List.of();
      };
      for (JsonNode value : wrong) {
        bodies.put(field.key() + " " + printable(value.toString()), withVariable(valid, field.key(), variable(value))
            .toString());
      }
      if (field.type().equals("checklist") || field.type().equals("taglist")) {
        bodies.put(field.key() + " Json not JSON", withVariable(valid, field.key(),
            NODES.objectNode().put("value", "[1,").put("type", "Json")).toString());
      }
    }
    bodies.forEach((name, body) -> {
      String fieldNamed = name.contains(" ") && !name.startsWith("no ") && !name.startsWith("empty")
          && !name.startsWith("variables") && !name.startsWith("deep") && !name.startsWith("Object")
          ? name.substring(0, name.indexOf(' ')) : null;
      if (name.equals("unknown field")) {
        fieldNamed = "notInTheForm";
      }
      HttpResponse<String> answer = send(label + " " + name, "POST", url, ADMIN, "application/json",
          body.getBytes(StandardCharsets.UTF_8), fieldNamed);
      if (answer.statusCode() < 400) {
        defects.add(label + " " + name + ": accepted (" + answer.statusCode() + ") what the form refuses");
      }
    });
    send(label + " invalid UTF-8", "POST", url, ADMIN, "application/json", withInvalidUtf8(valid.toString()), null);
  }

  /** What Tasklist would submit for the form with values a user could enter (empty where none fits). */
  private ObjectNode validSubmission(TasklistForm form, Map<String, Object> shown) {
    Map<String, Object> entered = new LinkedHashMap<>();
    for (TasklistForm.Field field : form.fields()) {
      if (field.disabled()) {
        continue;
      }
      Object value = switch (field.type()) {
        case "textfield", "textarea" -> field.key().toLowerCase().contains("identitycode")
            ? TestReferrals.randomTestCode() : field.key().toLowerCase().contains("email") ? "a@polku.invalid" : "Testi";
        case "number" -> field.min() != null ? field.min().intValue() : 1;
        case "checkbox" -> true;
        case "select", "radio" -> field.options().isEmpty() ? null : field.options().get(0);
        case "checklist" -> field.options().isEmpty() ? List.of() : List.of(field.options().get(0));
        case "datetime" -> java.time.LocalDate.now(WorkingDays.FINLAND).plusDays(10);
        default -> null;
      };
      if (value != null) {
        entered.put(field.key(), value);
      }
    }
    try {
      VariableMap submitted = form.submit(shown, entered);
      return (ObjectNode) JSON.readTree(TasklistForm.restBody(submitted));
    } catch (RuntimeException | IOException e) {
      // A form whose conditions or option lists this simple filling does not meet: attack an empty one.
      ObjectNode body = NODES.objectNode();
      body.putObject("variables");
      return body;
    }
  }

  private static ObjectNode withVariable(ObjectNode submission, String key, JsonNode variable) {
    ObjectNode copy = submission.deepCopy();
    ((ObjectNode) copy.with("variables")).set(key, variable);
    return copy;
  }

  private static ObjectNode variable(JsonNode value) {
    ObjectNode variable = NODES.objectNode();
    variable.set("value", value);
    return variable;
  }

  // The cohort CSV --------------------------------------------------------------------------------

  static Map<String, byte[]> hostileCsv() {
    String header = "identityCode;name;email;phone;municipality;unemploymentMonths;unemployed;"
        + "coveredByOccupationalHealth;monthsSinceLastHealthCheck";
    Map<String, String> csv = new LinkedHashMap<>();
    csv.put("empty", "");
    csv.put("header only", header);
    csv.put("no header", "150385-9014;Testi;;;Jyväskylä;30;kyllä;ei;");
    csv.put("unterminated quote", header + "\n\"150385-9014;Testi;;;Jyväskylä;30;kyllä;ei;");
    csv.put("quote inside field", header + "\n150385-9014;Te\"sti;;;Jyväskylä;30;kyllä;ei;");
    csv.put("too many columns", header + "\n150385-9014;Testi;;;Jyväskylä;30;kyllä;ei;;;;;;;;;;;;;;;;;;;;;;;x;y");
    csv.put("too few columns", header + "\n150385-9014;Testi");
    csv.put("comma and semicolon mixed", header + "\n150385-9014,Testi;;;Jyväskylä,30;kyllä;ei;");
    csv.put("control characters", header + "\n150385-9014;Te\u0000sti\u001b;;;Jyväskylä;30;kyllä;ei;");
    csv.put("ten thousand columns", header + "\n" + ";".repeat(10_000));
    csv.put("huge field", header + "\n150385-9014;" + "x".repeat(500_000) + ";;;Jyväskylä;30;kyllä;ei;");
    csv.put("wrong types", header + "\n150385-9014;Testi;;;Jyväskylä;kolmekymmentä;ehkä;1;-5");
    StringBuilder many = new StringBuilder(header);
    for (int i = 0; i < 3000; i++) {
      many.append("\n000000-0000;Testi;;;Jyväskylä;30;kyllä;ei;");
    }
    csv.put("3000 invalid rows", many.toString());
    StringBuilder codes = new StringBuilder(header);
    WRONG_IDENTITY_CODES.forEach(code -> codes.append('\n').append(code.replace("\n", " ").replace(";", ","))
        .append(";Testi;;;Jyväskylä;30;kyllä;ei;"));
    csv.put("identity codes of every wrong shape", codes.toString());
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    csv.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    bytes.put("invalid UTF-8", withInvalidUtf8(header + "\n150385-9014;Testi;;;Jyväskylä;30;kyllä;ei;"));
    bytes.put("Latin-1 instead of UTF-8", (header + "\n150385-9014;Testi;;;Jyväskylä;30;kyllä;ei;")
        .getBytes(StandardCharsets.ISO_8859_1));
    return bytes;
  }

  @Test
  @Order(3)
  void theCohortImportStartsNothingFromAFormulaOrABrokenRow() throws IOException {
    int known = defects.size();
    String header = "identityCode;name;email;phone;municipality;unemploymentMonths;unemployed;"
        + "coveredByOccupationalHealth;monthsSinceLastHealthCheck";
    for (String formula : List.of("=cmd|' /C calc'!A0", "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.invalid\",\"x\")", "\t=1+1")) {
      for (int column : new int[] {1, 2, 3, 4}) {
        String[] row = {TestReferrals.randomTestCode(), "Testi Asiakas", "asiakas@polku.invalid", "040 000 0000",
            "Jyväskylä", "30", "kyllä", "ei", ""};
        row[column] = "\"" + formula.replace("\"", "\"\"") + "\"";
        String csv = header + "\n" + String.join(";", row);
        HttpResponse<String> answer = send("cohort csv formula in column " + column + " " + printable(formula), "POST",
            "/api/health-check-invitations", "te-system", "text/csv", csv.getBytes(StandardCharsets.UTF_8), null);
        if (answer.statusCode() < 300) {
          JsonNode result = JSON.readTree(answer.body());
          if (result.path("counts").path("started").asInt() != 0) {
            defects.add("cohort csv: a row with the formula " + printable(formula) + " in column " + column
                + " was started");
          }
        }
      }
    }
    assertThat(List.copyOf(defects.subList(known, defects.size()))).as("defects found by the cohort corpus").isEmpty();
  }

  @AfterAll
  static void report() throws IOException {
    Path dir = Path.of("target", "reliability");
    Files.createDirectories(dir);
    StringBuilder md = new StringBuilder("# Hostile input (HostileInputIT)\n\n");
    md.append("Inputs tried: **").append(inputs).append("**\n\n| surface | inputs |\n| --- | ---: |\n");
    inputsBySurface.forEach((surface, count) -> md.append("| ").append(surface).append(" | ").append(count)
        .append(" |\n"));
    md.append("\nRefused by the servlet container (Tomcat's own 400 page) before the application: ")
        .append(refusedByContainer).append(".\n");
    md.append("\nDefects: ").append(defects.isEmpty() ? "none" : "").append('\n');
    defects.forEach(defect -> md.append("- ").append(defect).append('\n'));
    Files.writeString(dir.resolve("hostile-input.md"), md.toString());
    System.out.println("[hostile-input] " + inputs + " hostile inputs tried, " + defects.size()
        + " defects; table in target/reliability/hostile-input.md");
  }

  // Sending and judging ---------------------------------------------------------------------------

  /**
   * Sends one hostile input and judges the answer: no 5xx; a refusal from /api is problem+json
   * without a stack trace and (for a broken field) names it; a refused request stores nothing.
   */
  private HttpResponse<String> send(String label, String method, String url, String user, String contentType,
      byte[] body, String field) {
    inputs++;
    // The operation (or form) the input was aimed at: the label up to what was broken.
    String surface = (url.startsWith("/api") ? "/api " : "/engine-rest ")
        + label.split(" (path|query|body|field|csv|unexpected|invalid UTF-8|no body|empty|variables|deep|unknown"
            + "|Object-typed) ", 2)[0].replaceAll(" \\(.*\\)$", "").split(" [a-zA-Z0-9]+ (missing|read-only|Json|\"|-?\\d|true)", 2)[0];
    if (surface.length() > 90) {
      surface = surface.substring(0, 90);
    }
    inputsBySurface.merge(surface, 1, Integer::sum);
    String before = jdbc.queryForObject(countSql, String.class);
    HttpResponse<String> answer = raw(method, url, user, contentType, body);
    int status = answer.statusCode();
    String text = answer.body() == null ? "" : answer.body();
    if (status >= 500) {
      defects.add(label + ": " + status + " " + shown(text));
      return answer;
    }
    if (text.contains("\tat ") || text.matches("(?s).*\\b(java|org\\.springframework|org\\.camunda)\\.[a-z.]+[A-Z]\\w+"
        + "(Exception|Error)\\b.*")) {
      defects.add(label + ": the answer names an internal exception: " + printable(text.substring(0,
          Math.min(300, text.length()))));
    }
    if (status >= 400) {
      String after = jdbc.queryForObject(countSql, String.class);
      if (!before.equals(after)) {
        defects.add(label + ": refused with " + status + " but stored rows (" + diff(before, after) + ")");
      }
      String type = answer.headers().firstValue("Content-Type").orElse("");
      if (status == 400 && type.startsWith("text/html")
          && (text.contains("Apache Tomcat") || text.contains("Whitelabel Error Page")
          || text.contains("HTTP Status 400"))) {
        // A URL the servlet container refuses before any application code runs (an encoded slash or NUL
        // in the path): Tomcat's 400, shown by Spring Boot's error page.
        refusedByContainer++;
      } else if (url.startsWith("/api") && status != 401) {
        if (!type.startsWith("application/problem+json")) {
          defects.add(label + ": " + status + " as " + type + ", not problem+json");
        }
      }
      if (status == 400 && field != null && !text.contains(field)) {
        defects.add(label + ": 400 does not name the field " + field + ": " + shown(text));
      }
    }
    return answer;
  }

  private HttpResponse<String> raw(String method, String url, String user, String contentType, byte[] body) {
    String password = user.equals(ADMIN) ? ADMIN_PASSWORD : SYSTEM_PASSWORD;
    HttpRequest.Builder request;
    try {
      request = http.request(url, user, password);
    } catch (IllegalArgumentException e) {
      // A URI Java refuses to build is refused before it reaches any server.
      request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/invalid"))
          .header("Authorization", HttpTestClient.basic(user, password));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body);
    return http.send(request.method(method, publisher).build());
  }

  private static String diff(String before, String after) {
    List<String> changed = new ArrayList<>();
    String[] a = before.split(",");
    String[] b = after.split(",");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        changed.add(a[i] + " -> " + b[i].substring(b[i].indexOf('=') + 1));
      }
    }
    return String.join(", ", changed);
  }

  // Building bodies from the OpenAPI schemas ------------------------------------------------------

  private JsonNode resolve(JsonNode schema) {
    return bodies.resolve(schema);
  }

  private JsonNode base(JsonNode schema) {
    return bodies.base(schema);
  }

  private JsonNode valueFor(String name, JsonNode schema) {
    return bodies.valueFor(name, schema);
  }

  /** The dotted paths of the body's fields and of its nested objects' fields (an array body: its item's). */
  private List<String> fields(JsonNode schema) {
    List<String> fields = new ArrayList<>();
    JsonNode body = base(schema);
    collectFields(body.isArray() ? body.get(0) : body, body.isArray() ? "[0]" : "", fields);
    return fields;
  }

  private static void collectFields(JsonNode node, String prefix, List<String> fields) {
    if (node == null || !node.isObject()) {
      return;
    }
    node.fields().forEachRemaining(entry -> {
      String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
      fields.add(path);
      collectFields(entry.getValue(), path, fields);
    });
  }

  /** Sets (or with null removes) the field at the dotted path. */
  private static void set(JsonNode body, String path, JsonNode value) {
    JsonNode parent = body;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parts[i].equals("[0]") ? parent.get(0) : parent.get(parts[i]);
    }
    String last = parts[parts.length - 1];
    if (parent.isArray()) {
      parent = parent.get(0);
    }
    if (value == null) {
      ((ObjectNode) parent).remove(last);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }

  private static JsonNode withExtraField(JsonNode body) {
    JsonNode copy = body.deepCopy();
    JsonNode target = copy.isArray() ? copy.get(0) : copy;
    if (target instanceof ObjectNode object) {
      object.put("unexpected", "x");
    }
    return copy;
  }

  private static String duplicateKeys(String json) {
    int brace = json.indexOf('{');
    return brace < 0 ? json : json.substring(0, brace + 1) + "\"dup\":1,\"dup\":2," + json.substring(brace + 1);
  }

  /** The text's UTF-8 with the first letter's bytes replaced by a malformed sequence. */
  static byte[] withInvalidUtf8(String text) {
    byte[] utf8 = text.replaceFirst("Testi", "T\u0001esti").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == 1) {
        byte[] result = new byte[utf8.length + 2];
        System.arraycopy(utf8, 0, result, 0, i);
        result[i] = (byte) 0xC3;
        result[i + 1] = (byte) 0x28;
        result[i + 2] = (byte) 0xFF;
        System.arraycopy(utf8, i + 1, result, i + 3, utf8.length - i - 1);
        return result;
      }
    }
    byte[] result = new byte[utf8.length + 2];
    System.arraycopy(utf8, 0, result, 0, utf8.length);
    result[utf8.length] = (byte) 0xC3;
    result[utf8.length + 1] = (byte) 0x28;
    return result;
  }

  private static String url(String template, Map<String, String> path, Map<String, String> query) {
    String url = template;
    for (Map.Entry<String, String> entry : path.entrySet()) {
      url = url.replace("{" + entry.getKey() + "}", entry.getValue());
    }
    if (!query.isEmpty()) {
      StringBuilder q = new StringBuilder();
      query.forEach((name, value) -> q.append(q.isEmpty() ? "?" : "&").append(name).append('=')
          .append(value.matches("[A-Za-z0-9%._-]*") ? value : java.net.URLEncoder.encode(value,
              StandardCharsets.UTF_8)));
      url += q;
    }
    return url;
  }

  private static String shown(String text) {
    String cleaned = text.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
    return cleaned.length() > 300 ? cleaned.substring(0, 300) + "…" : cleaned;
  }

  private static String printable(String text) {
    String cleaned = text.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
    return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
  }

  /** A referral with consent from employment services: a case and open work on path 1. */
  private String openReferralCase() {
    String body = "{\"identityCode\":\"" + TestReferrals.randomTestCode() + "\",\"name\":\"Testi Asiakas\","
        + "\"email\":\"asiakas@polku.invalid\",\"municipality\":\"Jyväskylä\",\"unemploymentMonths\":26,"
        + "\"criteria\":" + TestReferrals.criteriaJson() + ",\"reason\":\"Osatyökykyisyys\",\"question\":\"Mikä tukisi?\","
        + "\"consent\":{\"includesHealth\":true,\"validUntil\":\"" + java.time.LocalDate.now(WorkingDays.FINLAND).plusYears(1) + "\"}}";
    HttpResponse<String> answer = raw("POST", "/api/referrals", "te-system", "application/json",
        body.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    try {
      return JSON.readTree(answer.body()).path("caseNumber").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
