package fi.polku.handover;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.ProcessValues;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Drafts the rehabilitation-need notice to the pension provider or Kela, after the consent
 * question, and works out the warning about the pension provider's vocational rehabilitation
 * right for the form where the professional chooses the receiver. Nothing leaves here: the notice
 * becomes an onward referral, whose consent check at the crossing decides what is sent.
 */
@Component("rehabilitationLetterDelegate")
class RehabilitationLetterDelegate implements JavaDelegate {

  private final HandoverService handovers;
  private final PensionRehabilitationRight pensionRight;
  private final Clock clock;

  RehabilitationLetterDelegate(HandoverService handovers, PensionRehabilitationRight pensionRight, Clock clock) {
    this.handovers = handovers;
    this.pensionRight = pensionRight;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(OhHandoverModel.REHABILITATION_LETTER, String.join("\n",
        "Ilmoitus kuntoutustarpeesta", "",
        "Asia: " + execution.getProcessBusinessKey(),
        handovers.summary(execution.getProcessBusinessKey()), "",
        "Laajennetussa terveystarkastuksessa on todettu ammatillisen tai lääkinnällisen kuntoutuksen tarve.",
        "Pyydämme arvioimaan kuntoutusmahdollisuudet yhdessä asiakkaan ja työterveyshuollon kanssa.",
        "Lisätiedot työterveyshuollosta asiakkaan suostumuksella."));
    PensionRehabilitationRight.Warning warning = pensionRight.warning(
        ProcessValues.date(execution, OhHandoverModel.EMPLOYMENT_END_DATE), LocalDate.now(clock.withZone(WorkingDays.FINLAND)));
    execution.setVariable(OhHandoverModel.PENSION_RIGHT_LAPSES_ON, warning.lapsesOn().toString());
    execution.setVariable(OhHandoverModel.PENSION_RIGHT_WARNING, warning.text());
  }
}
