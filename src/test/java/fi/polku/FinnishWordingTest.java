package fi.polku;

import static org.assertj.core.api.Assertions.assertThat;

import fi.polku.notify.MailTemplate;
import fi.polku.support.FormConditions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Finnish a nurse, a counsellor and a client read: mails, forms, task names, decision texts
 * and Tasklist's own words, as a Finnish professional would write them (issue 17).
 */
class FinnishWordingTest {

  static final List<String> CLIENT_MAILS = List.of("handover-guidance", "health-check-invitation",
      "health-check-reminder", "referral-invitation", "referral-reminder", "referral-investigations-invitation",
      "referral-investigations-reminder");

  @Test
  void aStaffNoticeStatesItsDeadlineWithoutViimeistaanMahdollisimmanPian() {
    String body = MailTemplate.load("staff-task-notice").render(Map.of("caseNumber", "TK-2026-000123",
        "taskName", "Selvitä viivästynyt ohjaus", "dueDate", "mahdollisimman pian", "link", "http://x")).body();

    assertThat(body).contains("Määräaika: mahdollisimman pian.").doesNotContain("viimeistään mahdollisimman pian");
  }

  @Test
  void theHandoverGuidanceDoesNotTellAJobseekerThatNothingFollowsFromSkippingServices() {
    String body = MailTemplate.load("handover-guidance").body();

    assertThat(body).contains("Työkykykoordinaattorin ja sote-keskuksen työkyvyn tuki on vapaaehtoista. Työnhakijan\n"
        + "velvollisuuksista kerrotaan työllisyyspalveluissa.")
        .contains("oman\n  hyvinvointialueesi sote-keskuksesta").contains("on päättynyt tai päättymässä")
        .doesNotContain("kuntasi").doesNotContain("sanktio");
  }

  @Test
  void remindersDoNotHardCodeATimingThatIsConfigurable() throws IOException {
    assertThat(MailTemplate.load("referral-reminder").body()).doesNotContain("huomise");
    assertThat(MailTemplate.load("health-check-reminder").body()).doesNotContain("kaksi viikkoa");
    assertThat(Files.readString(Path.of("processes/te-referral.bpmn"))).as("the reminder timer's name")
        .doesNotContain("Vuorokausi ennen tapaamista");
  }

  @Test
  void clientMailsSayPoisjaamisestaEiSeuraaSeuraamuksiaNotSanktioita() throws IOException {
    for (String name : List.of("health-check-invitation", "health-check-reminder", "referral-invitation",
        "referral-reminder", "referral-investigations-invitation", "referral-investigations-reminder")) {
      assertThat(MailTemplate.load(name).body().replace("\n", " ")).as(name)
          .containsIgnoringCase("poisjäämisestä ei seuraa seuraamuksia").doesNotContain("sanktio");
    }
    assertThat(everyModelText()).doesNotContain("sanktio");
  }

  @Test
  void everyClientMailIsSignedWithTheUnitAndAPhoneNumber() {
    for (String name : CLIENT_MAILS) {
      assertThat(MailTemplate.load(name).body()).as(name).endsWith("{{unitName}}\npuh. {{unitPhone}}\n");
    }
  }

  @Test
  void theEscalationFormCountsWorkingDaysAndFollowUpsAreAtKkN() throws IOException {
    assertThat(FormConditions.component("te-referral-escalation", "Text_Intro").get("text").asText())
        .contains("työpäivää").doesNotContain("arkipäiv");
    assertThat(everyModelText()).contains("Seuraa tilannetta 3 kk:n kohdalla").doesNotContain("kk kohdalla");
  }

  @Test
  void whodasItemFiveIsItsOwnQuestionAboutEmotionsAndItemsSixAndElevenAreWhole() throws IOException {
    for (String form : List.of("health-check", "te-referral-triage")) {
      assertThat(FormConditions.component(form, "whodas5").get("label").asText()).as(form)
          .isEqualTo("5. Kuinka paljon terveysongelmasi ovat vaikuttaneet tunne-elämääsi?");
      assertThat(FormConditions.component(form, "whodas6").get("label").asText()).as(form)
          .isEqualTo("6. Keskittyminen johonkin tekemiseen kymmenen minuutin ajan");
      assertThat(FormConditions.component(form, "whodas11").get("label").asText()).as(form)
          .isEqualTo("11. Ystävyyssuhteen ylläpitäminen");
    }
    assertThat(Files.readString(Path.of("processes/whodas-scoring.dmn"))).contains("vakavia vaikeuksia")
        .doesNotContain("vaikeita vaikeuksia");
  }

  @Test
  void kykyviisarisFigureIsLabelledAsTheClientsOwnEstimateOfWorkAbility() {
    for (String[] field : new String[][] {{"health-check", "kykyviisariScore"}, {"te-referral-triage", "kykyviisariScore"},
        {"oh-handover-health-check", "kykyviisariScore"}, {"te-referral-follow-up-3", "kykyviisariScore3"},
        {"te-referral-follow-up-6", "kykyviisariScore6"}}) {
      assertThat(FormConditions.component(field[0], field[1]).get("label").asText()).as(field[0])
          .contains("oma arvio työkyvystä 0–10");
    }
  }

  @Test
  void tasklistSaysMaaraaikaAndKasittelijaryhma() throws IOException {
    String finnish = Files.readString(Path.of(
        "src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/locales/fi.json"), StandardCharsets.UTF_8);

    assertThat(finnish).contains("\"DUE_DATE\": \"Määräaika\"").contains("\"CANDIDATE_GROUP\": \"Käsittelijäryhmä\"")
        .doesNotContainIgnoringCase("eräpäiv").doesNotContainIgnoringCase("ehdokasryhm");
  }

  /** Every BPMN, DMN and form text in one string. */
  private static String everyModelText() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.toList()) {
          texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return String.join("\n", texts);
  }
}
