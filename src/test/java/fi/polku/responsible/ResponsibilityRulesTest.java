package fi.polku.responsible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The rules name steps of the models by id, so a renamed step would silently stop naming the
 * responsible worker: every id must be a step of the kind the rule needs in processes/.
 */
class ResponsibilityRulesTest {

  @Test
  void everyStepTheRulesNameIsInItsModel() {
    for (ResponsibilityRules.Intake rule : ResponsibilityRules.INTAKES) {
      Activity step = activity(rule.processKey(), rule.activityId());
      assertThat(step).as(rule.processKey() + "/" + rule.activityId()).isNotNull();
      if (rule.userVariable() == null) {
        assertThat(step).as("the completer of %s is a person: a user task", rule.activityId()).isInstanceOf(UserTask.class);
      }
      if (step instanceof ServiceTask) {
        assertThat(rule.userVariable()).as("an automatic step names its person by a variable").isNotNull();
      }
    }
    for (ResponsibilityRules.CaseTask rule : ResponsibilityRules.CASE_TASKS) {
      assertThat(activity(rule.processKey(), rule.activityId())).as(rule.processKey() + "/" + rule.activityId())
          .isInstanceOf(UserTask.class);
    }
  }

  @Test
  void everyFormThatChoosesACaseManagerOffersTheUsersAsTheTaskVariable() throws Exception {
    for (Map.Entry<String, List<String>> choice : ResponsibilityRules.CASE_MANAGER_GROUPS.entrySet()) {
      String[] key = choice.getKey().split("/");
      UserTask task = (UserTask) activity(key[0], key[1]);
      String formRef = task.getCamundaFormRef();
      String form = java.nio.file.Files.readString(new File("forms/" + formRef + ".form").toPath());
      assertThat(form).as(formRef).contains("\"key\": \"" + ResponsibilityRules.CASE_MANAGER + "\"")
          .contains("\"valuesKey\": \"" + ResponsibilityRules.CASE_MANAGER_OPTIONS + "\"");
      assertThat(choice.getValue()).isNotEmpty();
    }
  }

  @Test
  void theFollowUpsAndTheOnwardReferralsDecisionsAndReturnsAreTheResponsibleWorkers() {
    Set<String> always = ResponsibilityRules.CASE_TASKS.stream().filter(ResponsibilityRules.CaseTask::always)
        .map(rule -> rule.processKey() + "/" + rule.activityId()).collect(Collectors.toSet());
    assertThat(always).contains("te-referral/Task_FollowUp3", "te-referral/Task_FollowUp6",
        "onward-referral/Task_DecideNext", "onward-referral/Task_ReviewFeedback");
  }

  private static Activity activity(String processKey, String activityId) {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + processKey + ".bpmn"));
    Collection<Activity> activities = model.getModelElementsByType(Activity.class);
    return activities.stream().filter(activity -> activity.getId().equals(activityId)).findFirst().orElse(null);
  }
}
