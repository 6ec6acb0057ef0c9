package fi.polku.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys from Camunda Modeler: exactly the request Modeler sends (multipart to
 * /engine-rest/deployment/create, deployment-name, deployment-source "Camunda Modeler", duplicate
 * filtering on, files under their bare names). Without the forms the process binds, the deployment
 * is refused with a 400 that names each missing form, and nothing is deployed; with them it goes in.
 */
class ModelerDeploymentIT extends PostgresSpringTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void aProcessDeployedWithoutItsFormsIsRefusedNamingEachMissingForm() throws Exception {
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("te-referral.bpmn", Files.readAllBytes(Path.of("processes", "te-referral.bpmn")));

    HttpResponse<String> refused = deploy("te-referral.bpmn", files);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    String message = JSON.readTree(refused.body()).get("message").asText();
    for (String form : List.of("te-referral-start", "te-referral-triage", "te-referral-escalation", "te-referral-booking",
        "te-referral-mapping", "te-referral-plan-review", "te-referral-follow-up-3", "te-referral-follow-up-6")) {
      assertThat(message).contains("'" + form + "'");
    }
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deploymentsBefore);
  }

  @Test
  void aProcessDeployedWithItsFormsAndDecisionsGoesIn() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("oh-handover.bpmn", Files.readAllBytes(Path.of("processes", "oh-handover.bpmn")));
    // The screening is a business-rule task bound to the deployment: its table goes along.
    files.put("oh-handover-screening.dmn", Files.readAllBytes(Path.of("processes", "oh-handover-screening.dmn")));
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.getFileName().toString().startsWith("oh-handover")).toList()) {
        files.put(form.getFileName().toString(), Files.readAllBytes(form));
      }
    }

    HttpResponse<String> deployed = deploy("oh-handover.bpmn", files);

    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    JsonNode deployment = JSON.readTree(deployed.body());
    assertThat(deployment.get("source").asText()).isEqualTo("Camunda Modeler");
    // Leave the start-up deployment as the latest for the other tests on this database.
    repositoryService.deleteDeployment(deployment.get("id").asText(), true);
  }

  /** The multipart request Camunda Modeler 5 sends from its deploy dialog. */
  private HttpResponse<String> deploy(String name, Map<String, byte[]> files) throws IOException {
    String boundary = "----modeler" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "deployment-name", name);
    field(body, boundary, "deployment-source", "Camunda Modeler");
    field(body, boundary, "enable-duplicate-filtering", "true");
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
          + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(file.getValue());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(http.request("/engine-rest/deployment/create", ADMIN, ADMIN_PASSWORD)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
  }
}
