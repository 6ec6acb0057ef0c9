package fi.polku.security;

import fi.polku.calendar.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.polku.engine.CaseNumberOnTasks;
import fi.polku.support.HttpTestClient;
import fi.polku.support.TestReferrals;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Tasklist as a nurse meets it: every list shows the case number, no vendor banner, no task outside a path. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistAtAGlanceTest {

  @LocalServerPort int port;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired ManagementService jobs;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  @Test
  void everyFilterShowsTheCaseNumberAndTheClientsNameOfEachTask() {
    List<Filter> all = filters.createFilterQuery().list();

    assertThat(all).extracting(Filter::getName).contains(StaffGroup.TE_COORDINATOR.filterName(), IdentitySetup.MY_TASKS_FILTER);
    for (Filter filter : all) {
      assertThat(filter.getProperties().get("variables")).as(filter.getName())
          .isEqualTo(List.of(Map.of("name", "taskCaseNumber", "label", "Asianumero"),
              Map.of("name", "taskClientName", "label", "Asiakas")));
    }
  }

  @Test
  void everyTaskOfAPathCarriesItsCaseNumberAndClientNameForTheList() throws Exception {
    String body = "{\"identityCode\":\"" + TestReferrals.randomTestCode() + "\",\"name\":\"Testi Asiakas\","
        + "\"municipality\":\"Vaasa\",\"unemploymentMonths\":30,\"criteria\":" + TestReferrals.criteriaJson() + ","
        + "\"reason\":\"Toistuvat työttömyysjaksot\",\"question\":\"Mikä tukisi työllistymistä?\","
        + "\"consent\":{\"includesHealth\":false,\"validUntil\":\"" + java.time.LocalDate.now(WorkingDays.FINLAND).plusYears(1) + "\"}}";
    HttpResponse<String> created = new HttpTestClient(port).postJson("/api/referrals", "te-system", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseNumber = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body()).get("caseNumber").asText();
    for (int round = 0; round < 5; round++) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance ->
          jobs.createJobQuery().processInstanceId(instance.getId()).list().forEach(job -> jobs.executeJob(job.getId())));
    }

    List<org.camunda.bpm.engine.task.Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
    assertThat(open).isNotEmpty();
    for (org.camunda.bpm.engine.task.Task task : open) {
      assertThat(tasks.getVariableLocal(task.getId(), CaseNumberOnTasks.VARIABLE)).as(task.getName()).isEqualTo(caseNumber);
      assertThat(tasks.getVariableLocal(task.getId(), CaseNumberOnTasks.CLIENT_NAME)).as(task.getName()).isEqualTo("Testi Asiakas");
    }
  }

  @Test
  void theEngineRefusesATaskOutsideEveryPath() {
    assertThatThrownBy(() -> tasks.saveTask(tasks.newTask())).isInstanceOf(ProcessEngineException.class);
  }

  @Test
  void tasklistsOwnStylesHideTheVendorBannerAndTaskCreation() {
    HttpResponse<String> styles = new HttpTestClient(port).get("/camunda/app/tasklist/styles/user-styles.css", null);

    assertThat(styles.statusCode()).isEqualTo(200);
    assertThat(styles.body()).contains(".ce-eol-banner {\n  display: none !important;")
        .contains(".create-task-action {\n  display: none !important;");
  }
}
