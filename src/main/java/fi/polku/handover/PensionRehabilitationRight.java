package fi.polku.handover;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How long the client's right to the earnings-related pension provider's vocational rehabilitation
 * may last after the employment ends, and the warning the occupational-health professional reads
 * when choosing the receiver of the rehabilitation-need notice (docs/processes/oh-handover.md,
 * "Työeläkekuntoutuksen oikeus"). The programme documents say the right may lapse but give no
 * period, and the law leaves it to the pension provider's judgement of the client's tie to working
 * life; hence both periods are settings ({@link HandoverProperties}).
 */
@Component
public class PensionRehabilitationRight {

  static final Period DEFAULT_RIGHT_LASTS = Period.ofYears(3);
  static final Period DEFAULT_WARN_BEFORE = Period.ofMonths(6);
  private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

  private final Period rightLasts;
  private final Period warnBefore;

  PensionRehabilitationRight(HandoverProperties properties) {
    this.rightLasts = properties.pensionRehabilitationRight() == null ? DEFAULT_RIGHT_LASTS
        : Period.parse(properties.pensionRehabilitationRight());
    this.warnBefore = properties.pensionRightWarningBefore() == null ? DEFAULT_WARN_BEFORE
        : Period.parse(properties.pensionRightWarningBefore());
  }

  /**
   * What the sender reads about the right, given the (expected) end of employment and today.
   *
   * @param lapsesOn the day after which the right may have lapsed
   * @param urgent true when that day is within the warning period or already past
   * @param text the warning in Finnish
   */
  public record Warning(LocalDate lapsesOn, boolean urgent, String text) {}

  public Warning warning(LocalDate employmentEnds, LocalDate today) {
    LocalDate lapsesOn = employmentEnds.plus(rightLasts);
    String rule = "Oikeus työeläkelaitoksen ammatilliseen kuntoutukseen edellyttää vakiintunutta yhteyttä työelämään, ja"
        + " se voi raueta, kun työsuhteen päättymisestä on kulunut yli " + finnish(rightLasts) + ". Työsuhde päättyy "
        + (employmentEnds.isBefore(today) ? "(päättyi) " : "") + FINNISH_DATE.format(employmentEnds) + ".";
    if (lapsesOn.isBefore(today)) {
      return new Warning(lapsesOn, true, "VAROITUS: oikeus on voinut jo raueta " + FINNISH_DATE.format(lapsesOn)
          + ". " + rule + " Jos työeläkelaitos ei enää ole vastuussa, ammatillinen kuntoutus on Kelan: valitse Kela.");
    }
    if (!lapsesOn.isAfter(today.plus(warnBefore))) {
      return new Warning(lapsesOn, true, "VAROITUS: oikeus voi raueta pian, " + FINNISH_DATE.format(lapsesOn)
          + " (alle " + finnish(warnBefore) + " päästä). " + rule + " Lähetä ilmoitus työeläkelaitokselle heti.");
    }
    return new Warning(lapsesOn, false, rule + " Oikeus voi raueta " + FINNISH_DATE.format(lapsesOn)
        + " jälkeen: ilmoitus työeläkelaitokselle kannattaa tehdä ennen sitä, mieluiten jo ennen työsuhteen päättymistä.");
  }

  /** A period as a Finnish reader says it: "3 vuotta", "6 kuukautta", "1 vuosi ja 6 kuukautta". */
  static String finnish(Period period) {
    List<String> parts = new ArrayList<>();
    if (period.getYears() > 0) {
      parts.add(period.getYears() + (period.getYears() == 1 ? " vuosi" : " vuotta"));
    }
    if (period.getMonths() > 0) {
      parts.add(period.getMonths() + (period.getMonths() == 1 ? " kuukausi" : " kuukautta"));
    }
    if (period.getDays() > 0 || parts.isEmpty()) {
      parts.add(period.getDays() + (period.getDays() == 1 ? " päivä" : " päivää"));
    }
    return String.join(" ja ", parts);
  }
}
