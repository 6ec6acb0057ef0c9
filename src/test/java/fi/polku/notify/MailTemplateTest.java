package fi.polku.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {

  @Test
  void aTemplateIsFilledWithTheCaseNumberInFinnish() {
    MailTemplate.RenderedMail mail = MailTemplate.load("staff-task-notice").render(Map.of(
        "caseNumber", "TK-2026-000123", "taskName", "Vahvista ohjauksen suunta", "dueDate", "1.12.2026",
        "link", "http://localhost:8080/camunda/app/tasklist/"));

    assertThat(mail.subject()).isEqualTo("Uusi tehtävä Polussa: Vahvista ohjauksen suunta (TK-2026-000123)");
    assertThat(mail.body()).contains("asiassa TK-2026-000123").contains("Määräaika: 1.12.2026.")
        .doesNotContain("{{");
  }

  @Test
  void aMissingValueIsAnErrorNotABlank() {
    assertThatThrownBy(() -> MailTemplate.load("staff-task-notice").render(Map.of("caseNumber", "TK-2026-000123")))
        .hasMessageContaining("{{");
  }

  @Test
  void everyShippedTemplateUsesOnlyValuesAllowedInMail() {
    for (String name : new String[] {"staff-task-notice", "referrer-status-notice", "handover-guidance",
        "health-check-invitation", "health-check-reminder", "referral-invitation", "referral-reminder"}) {
      assertThat(MailTemplate.ALLOWED).containsAll(MailTemplate.load(name).placeholders());
    }
  }

  @Test
  void aPlaceholderOutsideTheAllowedValuesIsRefused() {
    MailTemplate unsafe = new MailTemplate("unsafe", "Aihe", "Löydökset: {{findings}}");
    assertThat(MailTemplate.ALLOWED).doesNotContainAnyElementsOf(unsafe.placeholders());
  }

  @Test
  void theMessageIdIsStablePerStepRecipientAndTemplate() {
    String first = NotificationService.messageId("pi-1", "Task_A", "a@polku.invalid", "staff-task-notice");

    assertThat(NotificationService.messageId("pi-1", "Task_A", "a@polku.invalid", "staff-task-notice")).isEqualTo(first);
    assertThat(NotificationService.messageId("pi-1", "Task_B", "a@polku.invalid", "staff-task-notice")).isNotEqualTo(first);
    assertThat(first).matches("<[0-9a-f]{32}\\.outbox@polku\\.invalid>");
  }
}
