package fi.polku.responsible;

import static org.assertj.core.api.Assertions.assertThat;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.NewCase;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.consent.ConsentScope;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.support.TestReferrals;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An onward referral's decisions belong to the case: the sender's task waits for the case's
 * responsible worker (through the onward module's public API only), and moves on a change of
 * case manager.
 */
@SpringBootTest
@ActiveProfiles("test")
class OnwardTasksOfTheCaseTest {

  @Autowired ClientCaseService cases;
  @Autowired OnwardReferrals onward;
  @Autowired ResponsibleWorkers responsible;
  @Autowired TaskService tasks;
  @Autowired ManagementService jobs;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  @Test
  void theSendersConsentTaskGoesToTheCaseManagerAndMovesWithTheCase() {
    String caseNumber = cases.openCase(new NewCase(PersonalIdentityCode.parse(TestReferrals.randomTestCode()), null, null,
        null, "Pori", Agency.SOTE, "palveluohjaaja")).caseNumber();
    responsible.take(caseNumber, "palveluohjaaja", Reason.MAPPING, null, "tiimi", "te-referral", Set.of(), false);

    // No consent to specialist care: the sender has to obtain one (no named worker in the request).
    onward.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.SOTE, "sote-counsellor", null,
        OnwardService.ESH_REHABILITATION_POLYCLINIC, "Kuntoutuspoliklinikan arvio", ConsentScope.PLAN, "te-referral"));
    for (int round = 0; round < 10; round++) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance ->
          jobs.createJobQuery().processInstanceId(instance.getId()).messages().list()
              .forEach(job -> jobs.executeJob(job.getId())));
    }
    Task obtain = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_ObtainConsent")
        .singleResult();
    assertThat(obtain).isNotNull();
    assertThat(obtain.getAssignee()).isEqualTo("palveluohjaaja");
    assertThat(groups(obtain)).containsExactly("sote-counsellor");

    responsible.change(caseNumber, "tiimi", "Tiimi jatkaa", "esihenkilo", List.of("team-lead"));
    assertThat(tasks.createTaskQuery().taskId(obtain.getId()).singleResult().getAssignee()).isEqualTo("tiimi");
    assertThat(groups(obtain)).as("the group stays a candidate").containsExactly("sote-counsellor");
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }
}
