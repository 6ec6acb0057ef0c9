package fi.polku.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.TestSteps;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mail from a process step goes out exactly once, through retries, re-runs and an SMTP outage. */
class NotificationIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void deployTheTestStep() {
    repositoryService.createDeployment().name("notification-it").enableDuplicateFiltering(false)
        .addClasspathResource("test-processes/notification-step.bpmn").deploy();
    TestSteps.FAILURES_AFTER_QUEUEING.set(0);
  }

  @Test
  void aStepRetriedThreeTimesSendsItsMailOnce() throws Exception {
    TestSteps.FAILURES_AFTER_QUEUEING.set(3);
    String instance = start("TK-2026-900001");

    for (int attempt = 1; attempt <= 4; attempt++) {
      runJobs(instance);
    }
    deliverQueuedMail();

    assertThat(runtimeService.createExecutionQuery().processInstanceId(instance).activityId("Task_Wait").count()).isOne();
    assertThat(outboxRows(instance)).isOne();
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getSubject()).isEqualTo("Uusi tehtävä Polussa: Ota yhteyttä asiakkaaseen (TK-2026-900001)");
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("tiimi@polku.invalid");
  }

  @Test
  void aStepRunAgainFindsItsMailAndSendsNoSecond() throws Exception {
    String instance = start("TK-2026-900002");
    runJobs(instance);
    deliverQueuedMail();

    runtimeService.createProcessInstanceModification(instance).startBeforeActivity("Task_NotifyTeam").execute();
    runJobs(instance);
    deliverQueuedMail();

    assertThat(outboxRows(instance)).isOne();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void anSmtpOutageBecomesAnIncidentAndTheMailGoesOutOnceWhenResolved() throws Exception {
    String instance = start("TK-2026-900003");
    runJobs(instance);
    smtp.stop();

    Job delivery = deliveryJobs().get(0);
    for (int attempt = 0; attempt < 10 && managementService.createJobQuery().jobId(delivery.getId()).singleResult().getRetries() > 0; attempt++) {
      try {
        managementService.executeJob(delivery.getId());
      } catch (RuntimeException expected) {
        // SMTP is down: the job fails and the engine counts down its retries.
      }
    }
    Incident incident = runtimeService.createIncidentQuery().configuration(delivery.getId())
        .processInstanceId(delivery.getProcessInstanceId()).singleResult();
    assertThat(incident).as("an incident visible in Cockpit").isNotNull();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);

    smtp.start();
    managementService.setJobRetries(delivery.getId(), 1); // what Cockpit's "retry" does
    managementService.executeJob(delivery.getId());

    assertThat(runtimeService.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    String messageId = smtp.getReceivedMessages()[0].getMessageID();
    assertThat(messageId).isEqualTo(jdbc.queryForObject(
        "select message_id from mail_outbox where process_instance_id = ?", String.class, instance));
    assertThat(jdbc.queryForObject("select sent_at from mail_outbox where process_instance_id = ?",
        java.sql.Timestamp.class, instance)).isNotNull();
  }

  private String start(String caseNumber) {
    return runtimeService.startProcessInstanceByKey("notification-step", caseNumber).getId();
  }

  private void runJobs(String processInstanceId) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).list()) {
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException expectedWhenTheStepFails) {
        // The engine rolled the step back and counted down the job's retries.
      }
    }
  }

  private List<Job> deliveryJobs() {
    return managementService.createJobQuery().processDefinitionKey(NotificationService.DELIVERY_PROCESS)
        .withRetriesLeft().list();
  }

  private void deliverQueuedMail() {
    deliveryJobs().forEach(job -> managementService.executeJob(job.getId()));
  }

  private int outboxRows(String processInstanceId) {
    return jdbc.queryForObject("select count(*) from mail_outbox where process_instance_id = ?", Integer.class,
        processInstanceId);
  }
}
