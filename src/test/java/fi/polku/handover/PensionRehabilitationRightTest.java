package fi.polku.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The warning about the pension provider's vocational rehabilitation right, with the default and set periods. */
class PensionRehabilitationRightTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  final PensionRehabilitationRight defaults = new PensionRehabilitationRight(new HandoverProperties(null, null, null, null));

  @Test
  void beforeTheEmploymentEndsTheRightLastsThreeYearsAfterItByDefaultAndTheSenderIsToldTheDay() {
    PensionRehabilitationRight.Warning warning = defaults.warning(LocalDate.of(2026, 12, 31), TODAY);

    assertThat(warning.lapsesOn()).isEqualTo(LocalDate.of(2029, 12, 31));
    assertThat(warning.urgent()).isFalse();
    assertThat(warning.text()).contains("yli 3 vuotta").contains("päättyy 31.12.2026").contains("31.12.2029");
  }

  @Test
  void withinTheWarningPeriodTheSenderIsWarnedThatTheRightMayLapseSoon() {
    PensionRehabilitationRight.Warning warning = defaults.warning(LocalDate.of(2024, 3, 1), TODAY);

    assertThat(warning.urgent()).isTrue();
    assertThat(warning.text()).startsWith("VAROITUS: oikeus voi raueta pian, 1.3.2027 (alle 6 kuukautta päästä)")
        .contains("päättyy (päättyi) 1.3.2024");
  }

  @Test
  void pastTheDayTheSenderIsToldTheRightMayHaveLapsedAndKelaIsResponsible() {
    PensionRehabilitationRight.Warning warning = defaults.warning(LocalDate.of(2022, 6, 30), TODAY);

    assertThat(warning.urgent()).isTrue();
    assertThat(warning.text()).startsWith("VAROITUS: oikeus on voinut jo raueta 30.6.2025").contains("valitse Kela");
  }

  @Test
  void thePeriodsAreSettings() {
    PensionRehabilitationRight set = new PensionRehabilitationRight(new HandoverProperties(null, null, "P2Y", "P1Y"));

    assertThat(set.warning(LocalDate.of(2025, 6, 1), TODAY).lapsesOn()).isEqualTo(LocalDate.of(2027, 6, 1));
    assertThat(set.warning(LocalDate.of(2025, 6, 1), TODAY).urgent()).isTrue();
    assertThat(set.warning(LocalDate.of(2025, 6, 1), TODAY).text()).contains("yli 2 vuotta");
  }

  @Test
  void aPeriodReadsInFinnish() {
    assertThat(PensionRehabilitationRight.finnish(Period.ofYears(1))).isEqualTo("1 vuosi");
    assertThat(PensionRehabilitationRight.finnish(Period.of(1, 6, 0))).isEqualTo("1 vuosi ja 6 kuukautta");
    assertThat(PensionRehabilitationRight.finnish(Period.ofDays(0))).isEqualTo("0 päivää");
  }
}
