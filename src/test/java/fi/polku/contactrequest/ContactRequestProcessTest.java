package fi.polku.contactrequest;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stand-in model's two end states (remove with processes/contact-request.bpmn). */
@Deployment(resources = {
    "processes/contact-request.bpmn",
    "forms/contact-request-start.form",
    "forms/contact-request-contact.form"})
class ContactRequestProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

  @BeforeEach
  void useTheTestEngine() {
    ProcessEngine processEngine = engine.getProcessEngine();
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void forgetTheTestEngine() {
    BpmnAwareTests.reset();
  }

  @Test
  void aReachedClientEndsAsContactMade() {
    ProcessInstance instance = start();

    assertThat(instance).isWaitingAt("Task_ContactClient");
    assertThat(task()).hasCandidateGroup("work-ability-team");
    complete(task(), withVariables("clientReached", true));

    assertThat(instance).isEnded().hasPassed("EndEvent_ContactMade");
  }

  @Test
  void aClientNotReachedEndsAsUnreachable() {
    ProcessInstance instance = start();

    assertThat(instance).isWaitingAt("Task_ContactClient");
    complete(task(), withVariables("clientReached", false));

    assertThat(instance).isEnded().hasPassed("EndEvent_ClientUnreachable");
  }

  private static ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("contact-request", "TK-2026-000904",
        withVariables("caseNumber", "TK-2026-000904", "contactReason", "client-asked"));
  }
}
