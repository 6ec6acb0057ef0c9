package fi.polku.demo;

import fi.polku.calendar.WorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;

/**
 * How a demo client's red-flag onward referral to specialist care goes (te-referral, issue 15):
 * the client's WHODAS sum decides whether there is one, and the client's numbers pick one of the
 * four ways back, so the demo reaches each of them. Only the client's first onward referral.
 */
final class SpecialistCareScript {

  /** A red flag's onward referral to specialist care has ended for this client. */
  private boolean specialistCareDone;

  /**
   * A red flag refers the client to specialist care (te-referral, issue 15); specialist care and the
   * counsellor answer so that every way back occurs: returned to the team, returned and closed, given
   * to the client without consent, rejected and closed. Null for any other task.
   */
  Optional<Simulation.TaskPlan> plan(Task task, Instant now, WorkingDays days, int whodasSum, int triageDays,
      boolean declines) {
    boolean onward = task.getProcessDefinitionId().startsWith("onward-referral:");
    if (whodasSum < 20 || declines || specialistCareDone
        || !(onward || task.getTaskDefinitionKey().equals("Task_DecideAfterSpecialistCare"))) {
      return null;
    }
    String course = List.of("team", "close", "given-to-client", "rejected").get(Math.floorMod(whodasSum + triageDays, 4));
    Map<String, Object> values = new HashMap<>();
    int after;
    switch (task.getTaskDefinitionKey()) {
      case "Task_ObtainConsent" -> {
        after = 2;
        if (course.equals("given-to-client")) {
          values.put("consentAction", "give-to-client");
          specialistCareDone = true;
        } else {
          values.put("consentAction", "record-consent");
          values.put("consentValidUntil", now.atZone(WorkingDays.FINLAND).toLocalDate().plusYears(1));
        }
      }
      case "Task_ReceiveReferral" -> {
        after = 3;
        if (course.equals("rejected")) {
          values.put("answer", "reject");
          values.put("rejectionReason", "Ei erikoissairaanhoidon kriteerejä: perusterveydenhuollon lääkärin arvio riittää");
        } else {
          values.put("answer", "accept");
          values.put("firstAppointmentAt", DemoClient.at(days, now, after + 10, 10));
        }
      }
      case "Task_RecordFeedback" -> {
        after = 15;
        values.put("outcome", "completed");
        values.put("feedback", "Moniammatillinen arvio tehty: työkyky riittää osa-aikatyöhön tuettuna; kuntoutus perusterveydenhuollossa.");
      }
      case "Task_ReviewFeedback" -> {
        after = 2;
        values.put("feedbackReviewed", true);
      }
      case "Task_DecideNext" -> {
        after = 2;
        values.put("onwardDecision", "close");
        values.put("closeReason", "Sote-keskuksen lääkäri arvioi asiakkaan tilanteen");
        specialistCareDone = true;
      }
      case "Task_DecideAfterSpecialistCare" -> {
        after = 2;
        values.put("afterSpecialistCare", course.equals("team") ? "team" : "close");
        if (!course.equals("team")) {
          values.put("specialistCareCloseReason", "treatment-continues");
          values.put("specialistCareCloseNote", "Kuntoutus jatkuu erikoissairaanhoidon suunnitelman mukaan");
        }
        specialistCareDone = true;
      }
      default -> {
        return null;
      }
    }
    return Optional.of(new Simulation.TaskPlan(Duration.between(now, DemoClient.at(days, now, after, 11)), values));
  }
}
