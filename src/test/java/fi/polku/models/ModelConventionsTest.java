package fi.polku.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model a process owner commits follows docs/conventions.md "Models". */
class ModelConventionsTest {

  @Test
  void everyModelInProcessesAndFormsFollowsTheConventions() throws IOException {
    List<String> problems = ModelConventions.check(Path.of("processes"), Path.of("forms"));

    assertThat(problems)
        .as("rules of docs/conventions.md broken in processes/ and forms/:%n  %s",
            String.join(System.lineSeparator() + "  ", problems))
        .isEmpty();
  }

  @Test
  void theCheckFindsEveryKindOfBrokenRule() throws IOException {
    Path broken = Path.of("src/test/resources/conventions-broken");

    List<String> problems = ModelConventions.check(broken.resolve("processes"), broken.resolve("forms"));

    assertThat(problems).contains(
        "processes/broken-model.bpmn: -: must hold exactly one executable process whose id is the file name 'broken-model'",
        "processes/broken-model.bpmn: Process_Wrong: the process needs a Finnish name",
        "processes/broken-model.bpmn: Process_Wrong: the process needs camunda:historyTimeToLive",
        "processes/broken-model.bpmn: Activity_0abc123: generated or unreadable id: name it like Task_ConfirmTriage",
        "processes/broken-model.bpmn: Activity_0abc123: a user task needs camunda:candidateGroups",
        "processes/broken-model.bpmn: Activity_0abc123: a user task needs a Camunda Form by camunda:formRef",
        "processes/broken-model.bpmn: Task_Unknown: unknown candidate group 'nurses' (use one of "
            + "[health-check-nurse, job-coach, oh-professional, sote-counsellor, specialist-care, te-coordinator, team-lead, work-ability-team])",
        "processes/broken-model.bpmn: Task_Unknown: camunda:formRef 'missing-form' has no file forms/missing-form.form",
        "processes/broken-model.bpmn: Task_Unknown: camunda:formRefBinding must be 'deployment' (or 'latest', with a reason)",
        "processes/broken-model.bpmn: Task_ClassDelegate: must use camunda:delegateExpression=\"${beanName}\" and nothing else",
        "processes/broken-model.bpmn: Task_ClassDelegate: an async step needs camunda:failedJobRetryTimeCycle",
        "processes/broken-model.bpmn: Task_Script: script tasks hide business logic: use a service task with a delegate bean",
        "processes/broken-model.bpmn: Gateway_Split: needs a Finnish name",
        "processes/broken-model.bpmn: Flow_NoCondition: a flow out of gateway Gateway_Split needs a condition or must be the default",
        "processes/broken-model.bpmn: Flow_NoCondition: a flow out of gateway Gateway_Split is named with its answer",
        "processes/broken-model.bpmn: EndEvent_Undrawn: is not drawn in the diagram",
        "processes/broken-model.bpmn: EndEvent_Undrawn: needs a Finnish name",
        "processes/broken-model.bpmn: Task_UnknownDecision: camunda:decisionRef 'missing-decision' is no decision of a DMN in processes/",
        "processes/broken-model.bpmn: Task_UnknownDecision: a business rule task maps the decision's result by "
            + "camunda:resultVariable or a camunda:outputParameter",
        "processes/broken-decision.dmn: broken-decision: the decision needs camunda:historyTimeToLive",
        "processes/broken-decision.dmn: broken-decision: rule 1 needs an annotation saying why",
        "forms/broken-form.form: -: the form id must be the file name 'broken-form'",
        "forms/broken-form.form: Field_Bad: field key 'Bad Key' must be a camelCase process variable name",
        "forms/broken-form.form: Field_Bad: field 'Bad Key' needs a Finnish label",
        "forms/broken-form.form: no process references this form by camunda:formRef",
        "processes/notes.txt: -: only .bpmn and .dmn files belong in processes/",
        "processes/broken-model.bpmn: line 3: refers outside the repository ('../'): cite "
            + "docs/service-paths.md, or a programme document by its short name in docs/sources.md",
        "processes/broken-model.bpmn: line 4: refers outside the repository ('Shared/docs'): cite "
            + "docs/service-paths.md, or a programme document by its short name in docs/sources.md",
        "processes/broken-decision.dmn: line 3: refers outside the repository ('Seed 001'): cite "
            + "docs/service-paths.md, or a programme document by its short name in docs/sources.md",
        "processes/broken-layout.bpmn: Timer_Late: overlaps Timer_Later in the diagram: move one of them apart",
        "processes/broken-layout.bpmn: Timer_Inside: a boundary event sits centred on the border of its task Task_Second, not inside it",
        "processes/broken-layout.bpmn: Flow_ToEnd: runs through Task_Aside, which it does not connect: route it around",
        "processes/broken-layout.bpmn: StartEvent_Begin: its label overlaps the label of Flow_ToFirst: move one of them",
        "processes/broken-layout.bpmn: EndEvent_Done: its label covers Task_Aside: move the label off the shape",
        "processes/broken-layout.bpmn: Task_Second: its name is cut mid-word: 'kuntoutustarveilmoitus' is about 119 px wide, "
            + "the task holds 86 px per line: widen the task",
        "processes/broken-layout.bpmn: EndEvent_Done: its name is cut mid-word: 'Kuntoutustarveilmoitukset' is about 126 px wide, "
            + "the label holds 36 px per line: widen the label (Modeler wraps outside labels at 90 px: put a soft hyphen &#173; at the compound's joint, or use a shorter word)",
        "processes/broken-layout.bpmn: EndEvent_Done: the happy path does not reach this end (the one drawn furthest right) "
            + "from a start event on flows running left to right, straight within a lane: it stops at Task_First");
  }
}
