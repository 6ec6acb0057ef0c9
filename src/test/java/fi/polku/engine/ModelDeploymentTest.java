package fi.polku.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.task.Task;
import fi.polku.support.Tasklist;
import fi.polku.support.TestReferrals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Models in processes/ and forms/ reach the engine as one deployment, forms beside processes. */
@SpringBootTest
@ActiveProfiles("test")
class ModelDeploymentTest {

  @Autowired ProcessEngine engine;
  @Autowired ModelDeployment modelDeployment;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;

  @Test
  void everyModelFileIsFoundUnderItsFolderName() {
    assertThat(modelDeployment.findModels().keySet()).contains(
        "processes/te-referral.bpmn",
        "processes/referral-triage.dmn",
        "forms/te-referral-start.form",
        "forms/te-referral-triage.form");
  }

  @Test
  void aFormIsDeployedBesideItsProcessAndServedForTheTask() throws IOException {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("te-referral").latestVersion().singleResult();
    List<String> resources = repositoryService.getDeploymentResources(definition.getDeploymentId())
        .stream().map(Resource::getName).toList();

    assertThat(resources).contains("processes/te-referral.bpmn",
        "forms/te-referral-start.form", "forms/te-referral-triage.form");
    assertThat(read(formService.getDeployedStartForm(definition.getId())))
        .contains("\"id\": \"te-referral-start\"");

    String instanceId = Tasklist.start(engine, definition.getId(), TestReferrals.startForm(true)).getId();
    managementService.createJobQuery().processInstanceId(instanceId).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ConfirmTriage");
    assertThat(read(formService.getDeployedTaskForm(task.getId())))
        .contains("\"id\": \"te-referral-triage\"");
  }

  @Test
  void unchangedModelsMakeNoNewDeploymentAndAChangedFileRedeploysAll() {
    Map<String, byte[]> models = modelDeployment.findModels();
    String current = modelDeployment.deploy(repositoryService, models);

    assertThat(modelDeployment.deploy(repositoryService, models)).isEqualTo(current);

    Map<String, byte[]> edited = new TreeMap<>(models);
    String form = new String(edited.get("forms/te-referral-triage.form"), StandardCharsets.UTF_8);
    edited.put("forms/te-referral-triage.form", (form + "\n").getBytes(StandardCharsets.UTF_8));
    String next = modelDeployment.deploy(repositoryService, edited);

    assertThat(next).isNotEqualTo(current);
    assertThat(repositoryService.getDeploymentResourceNames(next))
        .containsExactlyInAnyOrderElementsOf(models.keySet());
    assertThat(repositoryService.createDeploymentQuery().deploymentId(next).singleResult().getName())
        .isEqualTo(ModelDeployment.DEPLOYMENT_NAME);
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
