package fi.polku.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client's identity code goes in through the API and never comes out: not in a log line, a
 * mail, an error answer, a business key or a process variable.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoIdentityCodeLeaksIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();
  /** A made-up person (temporary-range individual number). */
  static final String CODE = "280278-9448";
  /** The same person mistyped: wrong check character, then an impossible date. */
  static final String[] MISTYPED = {"280278-9449", "290278-9448"};

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  void theIdentityCodeAppearsInNoLogLineMailErrorOrVariable(CapturedOutput output) throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    List<String> answers = new ArrayList<>();
    for (String mistyped : MISTYPED) {
      answers.add(post(http, "/api/cases", newCase(mistyped)).body());
    }
    HttpResponse<String> created = post(http, "/api/cases", newCase(CODE));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    answers.add(created.body());
    String caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();
    answers.add(post(http, "/api/cases/" + caseNumber + "/consents", "{\"fromAgency\":\"te\",\"toAgency\":\"sote\","
        + "\"scope\":\"plan\",\"givenOn\":\"2026-01-15\",\"validUntil\":\"2027-12-31\"}").body());
    answers.add(http.send(http.request("/api/cases/" + caseNumber, "te-system", SYSTEM_PASSWORD).GET().build()).body());

    repositoryService.createDeployment().name("privacy-it").enableDuplicateFiltering(false)
        .addClasspathResource("test-processes/notification-step.bpmn").deploy();
    String instance = runtimeService.startProcessInstanceByKey("notification-step", caseNumber).getId();
    for (int round = 0; round < 3; round++) {
      for (Job job : managementService.createJobQuery().list()) {
        managementService.executeJob(job.getId());
      }
    }
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).isNotEmpty();

    List<String> variables = historyService.createHistoricVariableInstanceQuery().list().stream()
        .map(variable -> variable.getName() + "=" + variable.getValue()).toList();
    assertThat(output.getAll()).as("the logs were captured, with the case number as correlation id")
        .contains("Case " + caseNumber + ": mail 'staff-task-notice'");
    List<String> forbidden = new ArrayList<>(List.of(CODE, CODE.substring(0, 6) + CODE.substring(7, 10)));
    forbidden.addAll(List.of(MISTYPED));
    for (String code : forbidden) {
      assertThat(output.getAll()).as("log output").doesNotContain(code);
      assertThat(answers).as("API answers").noneMatch(answer -> answer.contains(code));
      assertThat(variables).as("process variables").noneMatch(variable -> variable.contains(code));
      for (MimeMessage mail : mails) {
        assertThat(GreenMailUtil.getWholeMessage(mail)).as("mail").doesNotContain(code);
      }
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey()).isEqualTo(caseNumber);
  }

  private static HttpResponse<String> post(HttpTestClient http, String path, String json) {
    return http.send(http.request(path, "te-system", SYSTEM_PASSWORD).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static String newCase(String identityCode) {
    return "{\"identityCode\":\"" + identityCode + "\",\"name\":\"Testi Asiakas\","
        + "\"email\":\"asiakas@polku.invalid\",\"municipality\":\"Jyväskylä\"}";
  }
}
