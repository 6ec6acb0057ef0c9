package fi.polku.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.polku.support.HttpTestClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
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

  @Test
  void everyFilterShowsTheCaseNumberOfEachTask() {
    List<Filter> all = filters.createFilterQuery().list();

    assertThat(all).extracting(Filter::getName).contains(StaffGroup.TE_COORDINATOR.filterName(), IdentitySetup.MY_TASKS_FILTER);
    for (Filter filter : all) {
      assertThat(filter.getProperties().get("variables")).as(filter.getName())
          .isEqualTo(List.of(Map.of("name", "caseNumber", "label", "Asianumero")));
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
