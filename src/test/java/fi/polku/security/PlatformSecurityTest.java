package fi.polku.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.support.HttpTestClient;
import fi.polku.support.TestReferrals;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The platform's doors, as staff and other systems meet them on the embedded default. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlatformSecurityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void engineRestRefusesCallersWithoutCredentials() {
    HttpResponse<String> response = http.get("/engine-rest/process-definition", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Basic"));
  }

  @Test
  void engineRestRefusesAWrongPassword() {
    HttpResponse<String> response = http.send(http.request("/engine-rest/task", null)
        .header("Authorization", HttpTestClient.basic("koordinaattori", "wrong")).GET().build());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void aDemoUserSeesOurProcessDefinitions() throws Exception {
    HttpResponse<String> response = http.get("/engine-rest/process-definition", "koordinaattori");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(keys(JSON.readTree(response.body()))).contains("te-referral", "mail-delivery");
  }

  @Test
  void onlyTheOwningGroupMayStartAProcess() {
    HttpResponse<String> outsider = startReferral("terveydenhoitaja");
    HttpResponse<String> owner = startReferral("koordinaattori");

    assertThat(outsider.statusCode()).isEqualTo(403);
    assertThat(outsider.body()).contains("CREATE_INSTANCE");
    assertThat(owner.statusCode()).isEqualTo(200);
  }

  @Test
  void aTaskIsSeenAndCompletedOnlyByItsCandidateGroup() throws Exception {
    String instanceId = JSON.readTree(startReferral("koordinaattori").body()).get("id").asText();
    // The counsellors' notice is a save point before the task: run it as the job executor would.
    managementService.createJobQuery().processInstanceId(instanceId).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    String taskQuery = "/engine-rest/task?processInstanceId=" + instanceId;

    JsonNode counsellorTasks = JSON.readTree(http.get(taskQuery, "palveluohjaaja").body());
    JsonNode coordinatorTasks = JSON.readTree(http.get(taskQuery, "koordinaattori").body());
    JsonNode teamTasks = JSON.readTree(http.get(taskQuery, "tiimi").body());
    JsonNode nurseTasks = JSON.readTree(http.get(taskQuery, "terveydenhoitaja").body());

    assertThat(counsellorTasks).hasSize(1);
    assertThat(counsellorTasks.get(0).get("name").asText()).isEqualTo("Vahvista ohjauksen suunta");
    assertThat(coordinatorTasks).isEmpty();
    assertThat(teamTasks).isEmpty();
    assertThat(nurseTasks).isEmpty();

    String claim = "/engine-rest/task/" + counsellorTasks.get(0).get("id").asText() + "/claim";
    assertThat(http.postJson(claim, "tiimi", "{\"userId\":\"tiimi\"}").statusCode()).isEqualTo(403);
    assertThat(http.postJson(claim, "palveluohjaaja", "{\"userId\":\"palveluohjaaja\"}").statusCode()).isEqualTo(204);
  }

  @Test
  void eachGroupReadsItsOwnFilterAndMyTasks() throws Exception {
    for (StaffGroup group : StaffGroup.values()) {
      HttpResponse<String> response = http.get("/engine-rest/filter?resourceType=Task", group.demoUser());
      List<String> names = new ArrayList<>();
      JSON.readTree(response.body()).forEach(filter -> names.add(filter.get("name").asText()));

      assertThat(names).as("filters of %s", group.demoUser())
          .containsExactlyInAnyOrder(group.filterName(), IdentitySetup.MY_TASKS_FILTER);
    }
  }

  @Test
  void theAdministratorSeesEverything() throws Exception {
    JsonNode filters = JSON.readTree(http.get("/engine-rest/filter", "admin").body());
    JsonNode deployments = JSON.readTree(http.get("/engine-rest/deployment", "admin").body());

    assertThat(filters).hasSize(StaffGroup.values().length + 1);
    assertThat(deployments).isNotEmpty();
  }

  @Test
  void webappLoginNeedsTheCsrfTokenAndOpensTasklistToStaff() throws Exception {
    String login = "/camunda/api/admin/auth/user/default/login/tasklist";
    String form = "username=tiimi&password=demo";

    HttpResponse<String> withoutToken = http.send(http.request(login, null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    assertThat(withoutToken.statusCode()).isEqualTo(403);

    HttpResponse<String> page = http.get("/camunda/app/tasklist/default/", null);
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> withToken = http.send(http.request(login, null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());

    assertThat(withToken.statusCode()).isEqualTo(200);
    JsonNode user = JSON.readTree(withToken.body());
    assertThat(user.get("userId").asText()).isEqualTo("tiimi");
    assertThat(user.get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");
  }

  @Test
  void theWebappsFirstAdminSetupPageIsClosed() {
    HttpResponse<String> page = http.get("/camunda/app/tasklist/default/", null);
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> setup = http.send(http.request("/camunda/api/admin/setup/default/user/create", null)
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\","
            + "\"lastName\":\"N\"},\"credentials\":{\"password\":\"Intruder-1\"}}")).build());

    assertThat(setup.statusCode()).isEqualTo(403);
    assertThat(http.get("/engine-rest/task", null).statusCode()).isEqualTo(401);
  }

  @Test
  void tasklistSpeaksFinnishByDefault() {
    HttpResponse<String> config = http.get("/camunda/app/tasklist/scripts/config.js", null);
    HttpResponse<String> finnish = http.get("/camunda/app/tasklist/locales/fi.json", null);

    assertThat(config.body()).contains("polku-tasklist-language").contains("availableLocales: [language]");
    assertThat(finnish.statusCode()).isEqualTo(200);
    assertThat(finnish.body()).contains("Kirjaudu sisään");
  }

  /** Submits te-referral's start form through the engine REST API, as Tasklist does. */
  private HttpResponse<String> startReferral(String user) {
    return http.postJson("/engine-rest/process-definition/key/te-referral/submit-form", user,
        TestReferrals.startFormJson(true));
  }

  private static List<String> keys(JsonNode definitions) {
    List<String> keys = new ArrayList<>();
    definitions.forEach(definition -> keys.add(definition.get("key").asText()));
    return keys;
  }
}
