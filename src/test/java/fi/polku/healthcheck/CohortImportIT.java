package fi.polku.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.TestReferrals;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A cohort import commits many rows at a time (docs/performance.md, "Cohort import") and still keeps
 * each row's own outcome: a row the database refuses half-way is rolled back alone, the rows of the
 * same transaction before and after it are invited, and a re-sent file invites nobody twice.
 */
class CohortImportIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired HealthCheckService checks;

  @Test
  void aRowTheDatabaseRefusesStopsNoOtherRowOfItsTransactionAndAResentFileInvitesNobodyTwice() throws Exception {
    int size = 2 * HealthCheckController.ROWS_PER_TRANSACTION + 50;
    int bad = HealthCheckController.ROWS_PER_TRANSACTION + 20; // in the middle of the second transaction
    Set<String> codes = new HashSet<>();
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String code = TestReferrals.randomTestCode();
      // Not a client another test on this database invited in the last 12 months.
      while (checks.recentCheckOf(PersonalIdentityCode.parse(code)).isPresent() || !codes.add(code)) {
        code = TestReferrals.randomTestCode();
      }
      // A phone number longer than the client table takes: refused by PostgreSQL after the row's
      // client insert began, which aborts the transaction unless the row has its own savepoint.
      String phone = i == bad ? "040 1234567 ".repeat(6) : "040 1234567";
      rows.add("{\"identityCode\":\"" + code + "\",\"name\":\"Testi Asiakas\",\"email\":\"kohortti" + i
          + "@polku.invalid\",\"phone\":\"" + phone + "\",\"municipality\":\"Jyväskylä\",\"unemploymentMonths\":30,"
          + "\"unemployed\":true,\"coveredByOccupationalHealth\":false}");
    }
    long checksBefore = healthChecks();

    JsonNode answer = post("[" + String.join(",", rows) + "]");

    assertThat(answer.get("counts").toString())
        .isEqualTo("{\"started\":" + (size - 1) + ",\"not-eligible\":0,\"invalid\":1,\"duplicate\":0}");
    JsonNode refused = answer.get("results").get(bad);
    assertThat(refused.get("row").asInt()).isEqualTo(bad + 1);
    assertThat(refused.get("result").asText()).isEqualTo("invalid");
    assertThat(refused.get("caseNumber").isNull()).isTrue();
    assertThat(answer.get("results").get(bad - 1).get("result").asText()).isEqualTo("started");
    assertThat(answer.get("results").get(bad + 1).get("result").asText()).isEqualTo("started");
    assertThat(healthChecks() - checksBefore).as("a health check per started row, none for the refused one")
        .isEqualTo(size - 1);
    Set<String> cases = new HashSet<>();
    answer.get("results").forEach(result -> {
      if (result.get("result").asText().equals("started")) {
        cases.add(result.get("caseNumber").asText());
      }
    });
    assertThat(cases).hasSize(size - 1);
    for (String caseNumber : List.copyOf(cases).subList(0, 20)) {
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("health-check-invitation")
          .processInstanceBusinessKey(caseNumber).count()).as(caseNumber).isOne();
    }
    assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where parent_id_ is null and proc_def_id_ like 'health-check-invitation:%' and business_key_ in ("
        + String.join(",", cases.stream().map(c -> "'" + c + "'").toList()) + ")", Long.class))
        .as("one running invitation per started row").isEqualTo(size - 1);

    JsonNode resent = post("[" + String.join(",", rows) + "]");

    assertThat(resent.get("counts").toString())
        .as("a re-sent file invites nobody twice")
        .isEqualTo("{\"started\":0,\"not-eligible\":0,\"invalid\":1,\"duplicate\":" + (size - 1) + "}");
    assertThat(healthChecks() - checksBefore).isEqualTo(size - 1);
  }

  private long healthChecks() {
    return jdbc.queryForObject("select count(*) from health_check", Long.class);
  }

  private JsonNode post(String json) throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    return JSON.readTree(http.send(http.request("/api/health-check-invitations", "te-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build()).body());
  }
}
