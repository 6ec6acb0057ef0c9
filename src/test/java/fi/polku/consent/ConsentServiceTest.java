package fi.polku.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.NewCase;
import fi.polku.cases.PersonalIdentityCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** When a consent is in force, day by day, in Finnish time; and what cannot be recorded. */
@SpringBootTest
@ActiveProfiles("test")
class ConsentServiceTest {

  static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

  @Autowired ConsentService consents;
  @Autowired ClientCaseService cases;
  String caseNumber;

  @BeforeEach
  void aCaseOnTheFirstOfMarch() {
    at("2026-03-01T10:00");
    // A client of its own per test, so one test's consents never answer another's questions.
    caseNumber = cases.openCase(new NewCase(PersonalIdentityCode.parse(nextTestCode()), null, null, null,
        "Jyväskylä", Agency.TE, "koordinaattori")).caseNumber();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aConsentHoldsFromTheDayGivenToTheLastValidDayInclusive() {
    consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, ConsentScope.PLAN,
        LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-31")), "koordinaattori");

    assertThat(allowsAt("2026-01-31T23:59")).isFalse();
    assertThat(allowsAt("2026-02-01T00:01")).isTrue();
    assertThat(allowsAt("2026-03-31T23:59")).isTrue();
    assertThat(allowsAt("2026-04-01T00:01")).isFalse();
  }

  @Test
  void aConsentIsDirectedAndScoped() {
    consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, ConsentScope.PLAN,
        LocalDate.parse("2026-02-01"), LocalDate.parse("2026-12-31")), "koordinaattori");

    assertThat(consents.allows(caseNumber, Agency.SOTE, Agency.TE, ConsentScope.PLAN, "test", "reverse")).isFalse();
    assertThat(consents.allows(caseNumber, Agency.TE, Agency.SOTE, ConsentScope.HEALTH, "test", "health")).isFalse();
    assertThat(consents.allows(caseNumber, Agency.TE, Agency.KELA, ConsentScope.PLAN, "test", "kela")).isFalse();
    assertThat(consents.allows(caseNumber, Agency.TE, Agency.SOTE, ConsentScope.PLAN, "test", "plan")).isTrue();
  }

  @Test
  void aWithdrawalTakesEffectAtOnceAndKeepsItsFirstTime() {
    Consent consent = consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, ConsentScope.PLAN,
        LocalDate.parse("2026-02-01"), LocalDate.parse("2026-12-31")), "koordinaattori");
    Consent withdrawn = consents.withdraw(caseNumber, consent.id(), "koordinaattori");
    at("2026-03-02T10:00");
    Consent again = consents.withdraw(caseNumber, consent.id(), "palveluohjaaja");

    assertThat(consents.allows(caseNumber, Agency.TE, Agency.SOTE, ConsentScope.PLAN, "test", "after")).isFalse();
    assertThat(again.withdrawnAt()).isEqualTo(withdrawn.withdrawnAt());
    assertThat(again.withdrawnBy()).isEqualTo("koordinaattori");
    // A question about a moment before the withdrawal is still answered as it was then.
    assertThat(consents.allows(caseNumber, Agency.TE, Agency.SOTE, ConsentScope.PLAN,
        withdrawn.withdrawnAt().minusSeconds(60), "test", "before")).isTrue();
  }

  @Test
  void aConsentThatCannotHaveBeenGivenIsRefusedWithItsField() {
    int before = consents.list(caseNumber).size();
    assertThatThrownBy(() -> consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, ConsentScope.PLAN,
        LocalDate.parse("2026-03-02"), LocalDate.parse("2026-12-31")), "koordinaattori"))
        .isInstanceOfSatisfying(InvalidConsentException.class, e -> assertThat(e.field()).isEqualTo("givenOn"));
    assertThatThrownBy(() -> consents.give(caseNumber, new NewConsent(Agency.TE, Agency.TE, ConsentScope.PLAN,
        LocalDate.parse("2026-02-01"), LocalDate.parse("2026-12-31")), "koordinaattori"))
        .isInstanceOfSatisfying(InvalidConsentException.class, e -> assertThat(e.field()).isEqualTo("toAgency"));
    assertThat(consents.list(caseNumber)).hasSize(before);
  }

  @Test
  void aConsentToTellTheEmployerStaysWithTheCoachsAgencyAndReachesNoOtherAgency() {
    Consent employer = consents.give(caseNumber, new NewConsent(Agency.SOTE, Agency.SOTE, ConsentScope.EMPLOYER,
        LocalDate.parse("2026-03-01"), LocalDate.parse("2026-08-31")), "valmentaja");

    assertThat(employer.scope()).isEqualTo(ConsentScope.EMPLOYER);
    assertThat(consents.allows(caseNumber, Agency.SOTE, Agency.SOTE, ConsentScope.EMPLOYER, "test", "employer")).isTrue();
    assertThat(consents.allows(caseNumber, Agency.SOTE, Agency.SOTE, ConsentScope.PLAN, "test", "plan")).isFalse();
    assertThat(consents.recipientsInForce(caseNumber)).as("the employer is no agency of the case").isEmpty();
    assertThat(ConsentScope.fromCode("employer")).isEqualTo(ConsentScope.EMPLOYER);
    // Only within one agency: the employer is told by the agency's own job coach.
    assertThatThrownBy(() -> consents.give(caseNumber, new NewConsent(Agency.SOTE, Agency.TE, ConsentScope.EMPLOYER,
        LocalDate.parse("2026-03-01"), LocalDate.parse("2026-08-31")), "valmentaja"))
        .isInstanceOfSatisfying(InvalidConsentException.class, e -> assertThat(e.field()).isEqualTo("toAgency"));
    consents.withdraw(caseNumber, employer.id(), "valmentaja");
    assertThat(consents.allows(caseNumber, Agency.SOTE, Agency.SOTE, ConsentScope.EMPLOYER, "test", "after")).isFalse();
  }

  @Test
  void everyCheckIsAudited() {
    consents.allows(caseNumber, Agency.TE, Agency.SOTE, ConsentScope.STATUS, "process:test/Task_A", "status to sote");

    ConsentCheck check = consents.checks(caseNumber, 10).get(0);
    assertThat(check.allowed()).isFalse();
    assertThat(check.checkedBy()).isEqualTo("process:test/Task_A");
    assertThat(check.purpose()).isEqualTo("status to sote");
    assertThat(check.consentId()).isNull();
  }

  private static int nextIndividual = 900;

  /** A made-up temporary identity code (individual number 900–999) with its check character. */
  private static String nextTestCode() {
    String digits = "111111" + nextIndividual++;
    return "111111-" + digits.substring(6) + "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt(Integer.parseInt(digits) % 31);
  }

  private boolean allowsAt(String localTime) {
    Instant at = java.time.LocalDateTime.parse(localTime).atZone(FINLAND).toInstant();
    return consents.allows(caseNumber, Agency.TE, Agency.SOTE, ConsentScope.PLAN, at, "test", "window");
  }

  private static void at(String localTime) {
    ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse(localTime).atZone(FINLAND).toInstant()));
  }
}
