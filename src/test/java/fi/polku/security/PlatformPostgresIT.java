package fi.polku.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.TestReferrals;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production configuration (profile postgres, settings from the environment) on the real
 * PostgreSQL: no demo users, the administrator from ADMIN_USER, the same doors as the default.
 */
class PlatformPostgresIT extends PostgresSpringTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void runsOnPostgresqlWithOurSchemaHistoryBesideCamundasTables() {
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    Integer authorizations = jdbc.queryForObject("select count(*) from act_ru_authorization", Integer.class);
    Integer flyway = jdbc.queryForObject(
        "select count(*) from information_schema.tables where table_name = 'polku_schema_history'", Integer.class);

    assertThat(product).isEqualTo("PostgreSQL");
    assertThat(authorizations).isPositive();
    assertThat(flyway).isEqualTo(1);
  }

  @Test
  void noDemoUsersExistAndTheirPasswordOpensNothing() throws Exception {
    for (StaffGroup group : StaffGroup.values()) {
      assertThat(http.get("/engine-rest/task", group.demoUser()).statusCode())
          .as(group.demoUser()).isEqualTo(401);
    }
    JsonNode users = JSON.readTree(send("/engine-rest/user?idIn=koordinaattori,admin", ADMIN, ADMIN_PASSWORD, null).body());
    assertThat(users).isEmpty();
  }

  @Test
  void theAdministratorFromTheEnvironmentSeesOurModels() throws Exception {
    assertThat(http.get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);

    HttpResponse<String> definitions = send("/engine-rest/process-definition?key=te-referral", ADMIN, ADMIN_PASSWORD, null);

    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(definitions.body())).isNotEmpty();
  }

  @Test
  void staffAddedByTheAdministratorSeeOnlyTheirOwnGroupsTasks() throws Exception {
    createStaff("it-palveluohjaaja", "sote-counsellor");
    createStaff("it-tiimi", "work-ability-team");
    createStaff("it-koordinaattori", "te-coordinator");
    String start = "/engine-rest/process-definition/key/te-referral/submit-form";

    assertThat(send(start, "it-palveluohjaaja", STAFF_PASSWORD, TestReferrals.startFormJson(true)).statusCode()).isEqualTo(403);
    HttpResponse<String> started = send(start, "it-koordinaattori", STAFF_PASSWORD, TestReferrals.startFormJson(true));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).get("id").asText();
    managementService.createJobQuery().processInstanceId(instanceId).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    String tasks = "/engine-rest/task?processInstanceId=" + instanceId;

    assertThat(JSON.readTree(send(tasks, "it-palveluohjaaja", STAFF_PASSWORD, null).body())).hasSize(1);
    assertThat(JSON.readTree(send(tasks, "it-tiimi", STAFF_PASSWORD, null).body())).isEmpty();
    assertThat(JSON.readTree(send(tasks, "it-koordinaattori", STAFF_PASSWORD, null).body())).isEmpty();
  }

  @Test
  void theAdministratorLogsIntoCockpitThroughTheCsrfProtectedLogin() throws Exception {
    HttpResponse<String> page = http.get("/camunda/app/cockpit/default/", null);
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = http.send(http.request("/camunda/api/admin/auth/user/default/login/cockpit", null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password=" + ADMIN_PASSWORD)).build());

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(login.body()).get("authorizedApps").toString())
        .contains("cockpit", "tasklist", "admin");
  }

  /** Creates the user in the group unless it exists, as an administrator does in Camunda Admin. */
  private void createStaff(String id, String group) {
    if (send("/engine-rest/user/" + id + "/profile", ADMIN, ADMIN_PASSWORD, null).statusCode() == 404) {
      String user = "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Testi\",\"lastName\":\"Käyttäjä\","
          + "\"email\":\"" + id + "@polku.invalid\"},\"credentials\":{\"password\":\"" + STAFF_PASSWORD + "\"}}";
      assertThat(send("/engine-rest/user/create", ADMIN, ADMIN_PASSWORD, user).statusCode()).isEqualTo(204);
      HttpResponse<String> membership = http.send(http.request(
              "/engine-rest/group/" + group + "/members/" + id, ADMIN, ADMIN_PASSWORD)
          .PUT(HttpRequest.BodyPublishers.noBody()).build());
      assertThat(membership.statusCode()).isEqualTo(204);
    }
  }

  private HttpResponse<String> send(String path, String user, String password, String json) {
    HttpRequest.Builder request = http.request(path, user, password);
    if (json == null) {
      return http.send(request.GET().build());
    }
    return http.send(request.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }
}
