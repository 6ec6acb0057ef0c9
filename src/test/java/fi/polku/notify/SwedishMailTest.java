package fi.polku.notify;

import static org.assertj.core.api.Assertions.assertThat;

import fi.polku.cases.ClientLanguage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every mail a client can get exists in Swedish too, with the same values, and reads as Swedish. */
class SwedishMailTest {

  /** The mails that go to staff (Finnish, whatever the client's language). */
  static final List<String> STAFF_MAILS = List.of("staff-task-notice", "referrer-status-notice");

  @Test
  void everyClientMailHasASwedishTemplateWithTheSameValues() throws IOException {
    List<String> clientMails;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/mail"))) {
      clientMails = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".txt"))
          .map(name -> name.substring(0, name.length() - 4)).filter(name -> !STAFF_MAILS.contains(name)).sorted().toList();
    }
    assertThat(clientMails).contains("referral-invitation", "health-check-invitation", "handover-guidance", "case-manager");
    for (String name : clientMails) {
      MailTemplate finnish = MailTemplate.load(name);
      MailTemplate swedish = MailTemplate.load(name, ClientLanguage.SV);
      assertThat(swedish.placeholders()).as(name).isEqualTo(finnish.placeholders());
      assertThat(swedish.body()).as(name).startsWith("Hej,").contains("Vänliga hälsningar").doesNotContain("Hei")
          .doesNotContain("Ystävällisin");
    }
  }

  @Test
  void aSwedishInvitationSaysWhenAndWhereInSwedish() {
    MailTemplate.RenderedMail mail = MailTemplate.load("referral-invitation", ClientLanguage.SV).render(Map.of(
        "caseNumber", "TK-2026-000123", "appointmentTime", "7.12.2026 kl. 9.00", "appointmentPlace", "Sote-keskus",
        "unitName", "social- och hälsocentralens servicehandledning", "unitPhone", "09 0000 0001"));

    assertThat(mail.subject()).isEqualTo("Kallelse till ett möte om stöd för arbetsförmågan (TK-2026-000123)");
    assertThat(mail.body()).contains("Tid: 7.12.2026 kl. 9.00").contains("Ditt ärendenummer är TK-2026-000123")
        .contains("det får inga följder för dig");
  }
}
