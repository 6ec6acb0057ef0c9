package fi.polku.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.cases.ClientLanguage;
import fi.polku.support.PostgresSpringTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mails one transaction queues go out through one mail-delivery instance, each once, over a kept
 * SMTP connection (docs/performance.md, "Mail").
 */
class MailBatchIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @Autowired NotificationService notifications;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theMailsOfOneTransactionShareOneDeliveryAndEachGoesOutOnce() throws Exception {
    String caseNumber = newCaseNumber();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      queue(caseNumber, "notice#1", "eka@polku.invalid");
      queue(caseNumber, "notice#2", "toka@polku.invalid");
      queue(caseNumber, "notice#3", "kolmas@polku.invalid");
    });

    assertThat(deliveryJobs(caseNumber)).hasSize(1);
    deliver(caseNumber);
    deliver(caseNumber); // nothing left: no second mail to anyone

    assertThat(recipients()).containsExactlyInAnyOrder("eka@polku.invalid", "toka@polku.invalid",
        "kolmas@polku.invalid");
    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where case_number = ? and sent_at is null",
        Integer.class, caseNumber)).isZero();
  }

  @Test
  void mailsOfSeparateTransactionsEachHaveTheirOwnDelivery() throws Exception {
    String caseNumber = newCaseNumber();
    queue(caseNumber, "notice#1", "eka@polku.invalid");
    queue(caseNumber, "notice#2", "toka@polku.invalid");

    assertThat(deliveryJobs(caseNumber)).hasSize(2);
    deliver(caseNumber);
    assertThat(recipients()).containsExactlyInAnyOrder("eka@polku.invalid", "toka@polku.invalid");
  }

  @Test
  void aMailRolledBackWithItsSavepointTakesItsDeliveryAlongAndTheNextMailStillGoesOut() throws Exception {
    // As in a cohort import: one row's work rolled back to its savepoint, the next row's committed.
    String caseNumber = newCaseNumber();
    TransactionTemplate savepoint = new TransactionTemplate(transactions);
    savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      savepoint.executeWithoutResult(row -> {
        queue(caseNumber, "row#1", "hylatty@polku.invalid");
        row.setRollbackOnly();
      });
      savepoint.executeWithoutResult(row -> queue(caseNumber, "row#2", "toka@polku.invalid"));
      savepoint.executeWithoutResult(row -> queue(caseNumber, "row#3", "kolmas@polku.invalid"));
    });

    assertThat(deliveryJobs(caseNumber)).hasSize(1);
    deliver(caseNumber);
    assertThat(recipients()).containsExactlyInAnyOrder("toka@polku.invalid", "kolmas@polku.invalid");
  }

  @Test
  void aDeliveryWhoseOwnTransactionIsLostAfterTheServerTookTheMailSendsNothingTwice() throws Exception {
    // As when the node dies or the database goes away after the SMTP server accepted the mails but
    // before the job committed: the job's work is rolled back and the job runs again.
    String caseNumber = newCaseNumber();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      queue(caseNumber, "notice#1", "eka@polku.invalid");
      queue(caseNumber, "notice#2", "toka@polku.invalid");
    });
    Job job = deliveryJobs(caseNumber).get(0);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      managementService.executeJob(job.getId());
      status.setRollbackOnly();
    });
    assertThat(deliveryJobs(caseNumber)).as("the lost job is still there to run again").hasSize(1);
    assertThat(recipients()).containsExactlyInAnyOrder("eka@polku.invalid", "toka@polku.invalid");

    deliver(caseNumber);

    assertThat(deliveryJobs(caseNumber)).isEmpty();
    assertThat(recipients()).as("each mail once").containsExactlyInAnyOrder("eka@polku.invalid", "toka@polku.invalid");
  }

  /** A case number no earlier run on this database used (a mail is queued once per case and event). */
  private static String newCaseNumber() {
    return String.format("TK-2026-%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(900_000, 1_000_000));
  }

  private void queue(String caseNumber, String event, String recipient) {
    notifications.sendForCase(caseNumber, event, recipient, "staff-task-notice", Map.of(
        "caseNumber", caseNumber, "taskName", "Ota yhteyttä asiakkaaseen", "dueDate", "1.12.2026",
        "link", "http://localhost:8080/camunda/app/tasklist/"), ClientLanguage.FI);
  }

  private List<Job> deliveryJobs(String caseNumber) {
    return managementService.createJobQuery().processDefinitionKey(NotificationService.DELIVERY_PROCESS)
        .list().stream().filter(job -> caseNumber.equals(runtimeService.createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey())).toList();
  }

  private void deliver(String caseNumber) {
    deliveryJobs(caseNumber).forEach(job -> managementService.executeJob(job.getId()));
  }

  private List<String> recipients() throws Exception {
    MimeMessage[] received = smtp.getReceivedMessages();
    return Arrays.stream(received).map(mail -> {
      try {
        return mail.getAllRecipients()[0].toString();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
