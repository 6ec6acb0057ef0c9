package fi.polku.demo;

import fi.polku.calendar.WorkingDays;
import java.time.Instant;
import java.util.Map;

/**
 * What the occupational health nurse and the TE coordinator enter in a demo client's hand-over
 * (oh-handover): the extended check, the rehabilitation notice, the consent and the take-over, as
 * the client's settings say.
 */
final class HandoverAnswers {

  private HandoverAnswers() {
  }

  /** Fills the values of the hand-over task and gives the working days after which it is done. */
  static int fill(DemoClient client, String task, Instant now, Map<String, Object> values) {
    switch (task) {
      case "Task_ExtendedHealthCheck" -> {
        values.put("statutoryDone", true);
        values.put("statutoryMinutes", 40);
        values.put("workAbilitySupportAgreed", true);
        values.put("pilotDone", true);
        values.put("pilotMinutes", 75);
        values.put("careerReviewDone", true);
        values.put("findings", "Selän kuormitus rajoittaa raskasta työtä; kevyempi työ onnistuu.");
        values.put("healthPlan", "Liikuntaohjelma ja fysioterapia; työkyvyn seuranta.");
        values.put("kykyviisariScore", client.kykyviisari);
        values.put("rehabilitationNeed", client.rehabilitationNeed);
        values.put("healthPlanMade", true);
        values.put("guidanceToEmploymentServices", true);
        return client.extendedCheckDays;
      }
      case "Task_SendRehabilitationNotice" -> {
        // After the consent question: the notice goes as an onward referral to the chosen receiver.
        values.put("rehabilitationService", client.rehabilitationService);
        values.put("rehabilitationConsentGiven", client.rehabilitationConsent);
        if (client.rehabilitationConsent) {
          values.put("rehabilitationConsentValidUntil", now.atZone(WorkingDays.FINLAND).toLocalDate().plusYears(1));
        }
        return 1;
      }
      case "Task_AskConsent" -> {
        values.put("consentGiven", client.handoverConsent);
        if (client.handoverConsent) {
          values.put("consentIncludesHealth", client.handoverHealthConsent);
          values.put("consentValidUntil", now.atZone(WorkingDays.FINLAND).toLocalDate().plusYears(1));
        }
        return client.consentDays;
      }
      case "Task_EscalateTakeOver" -> {
        values.put("escalationNote", "Koordinaattori soittaa asiakkaalle huomenna.");
        return client.escalationOfTakeOverDays;
      }
      case "Task_TakeOver" -> {
        values.put("clientContacted", true);
        values.put("caseManager", Simulation.USER_OF + "te-coordinator");
        values.put("followOnPath", client.followOnPath);
        if (client.followOnPath.equals("sote-team")) {
          values.put("soteConsentGiven", true);
        }
        values.put("clientExperience", client.clientExperience);
        return client.takeOverDays;
      }
      default -> throw new IllegalArgumentException("Not a hand-over task: " + task);
    }
  }
}
