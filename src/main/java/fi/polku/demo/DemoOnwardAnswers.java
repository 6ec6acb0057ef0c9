package fi.polku.demo;

import fi.polku.calendar.WorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * How the receivers and the sending team answer one demo onward referral, as its course says:
 * in Tasklist (specialist care, the sote centre's groups, the team) or through the API as the
 * receivers' systems do (Kela, the pension provider).
 */
final class DemoOnwardAnswers {

  /** How the receiver and the sender handle one referral; null leaves that task open. */
  record Course(String service, boolean consentThere, boolean consentBack, Answer answer, int answerAfter,
      int appointmentAfter, int feedbackAfter, Map<String, Object> decision, boolean reviewed) {}

  enum Answer { NONE, ACCEPT_IN_TASKLIST, REJECT_IN_TASKLIST, REJECT_BY_API, GIVE_TO_CLIENT, CANCEL_BY_API }

  private final ProcessEngine engine;
  private final DemoApi api;
  private final Simulation simulation;

  DemoOnwardAnswers(ProcessEngine engine, DemoApi api, Simulation simulation) {
    this.engine = engine;
    this.api = api;
    this.simulation = simulation;
  }

  Optional<Simulation.TaskPlan> plan(Course course, Task task, Instant now, WorkingDays days) {
    Map<String, Object> values = new HashMap<>();
    switch (task.getTaskDefinitionKey()) {
      case "Task_ObtainConsent" -> {
        values.put("consentAction", "give-to-client");
        return Optional.of(new Simulation.TaskPlan(Duration.ofDays(course.answerAfter()), values));
      }
      case "Task_ReceiveReferral" -> {
        long id = referralId(task);
        Instant answerAt = now.plus(Duration.ofDays(course.answerAfter()));
        Object service = engine.getTaskService().getVariable(task.getId(), "receivingService");
        if (!course.service().equals(service)) {
          // The referral the team sent elsewhere instead: its new receiver takes the client.
          values.put("answer", "accept");
          values.put("firstAppointmentAt", DemoClient.at(days, now, 30, 10));
          return Optional.of(new Simulation.TaskPlan(Duration.ofDays(2), values));
        }
        switch (course.answer()) {
          case REJECT_BY_API -> simulation.at(answerAt, "onward referral rejected by API", () ->
              api.post(receivingAgency(course.service()), "/api/onward-referrals/" + id + "/reject",
                  Map.of("reason", "Asiakas ei täytä palvelun myöntämisen edellytyksiä tässä vaiheessa")));
          case CANCEL_BY_API -> simulation.at(answerAt, "onward referral cancelled by API", () ->
              api.post("sote", "/api/onward-referrals/" + id + "/cancel",
                  Map.of("reason", "Asiakas muutti toiselle paikkakunnalle")));
          case ACCEPT_IN_TASKLIST -> {
            values.put("answer", "accept");
            values.put("firstAppointmentAt", DemoClient.at(days, now, course.appointmentAfter(), 10));
            return Optional.of(new Simulation.TaskPlan(Duration.ofDays(course.answerAfter()), values));
          }
          case REJECT_IN_TASKLIST -> {
            values.put("answer", "reject");
            values.put("rejectionReason", "Tarve on erikoissairaanhoidon moniammatillinen arvio, ei vastaanottokäynti");
            return Optional.of(new Simulation.TaskPlan(Duration.ofDays(course.answerAfter()), values));
          }
          default -> {
            // No answer: the task stays on the receiver's list.
          }
        }
        return Optional.empty();
      }
      case "Task_RecordFeedback" -> {
        if (course.feedbackAfter() == 0) {
          return Optional.empty();
        }
        values.put("outcome", "completed");
        values.put("feedback", "Arvio tehty: työkyky osittain alentunut; suositellaan ammatillista kuntoutusta ja"
            + " työkokeilua kevyissä tehtävissä");
        return Optional.of(new Simulation.TaskPlan(Duration.ofDays(course.feedbackAfter()), values));
      }
      case "Task_ReviewFeedback" -> {
        if (!course.reviewed()) {
          return Optional.empty();
        }
        values.put("feedbackReviewed", true);
        return Optional.of(new Simulation.TaskPlan(Duration.ofDays(2), values));
      }
      case "Task_DecideNext" -> {
        if (course.decision() == null) {
          return Optional.empty();
        }
        return Optional.of(new Simulation.TaskPlan(Duration.ofDays(1), new HashMap<>(course.decision())));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private long referralId(Task task) {
    return ((Number) engine.getTaskService().getVariable(task.getId(), "onwardReferralId")).longValue();
  }

  /** The receiving agency's code of a service (as the start form's services are named). */
  static String receivingAgency(String service) {
    if (service.startsWith("esh-")) {
      return "esh";
    }
    if (service.startsWith("kela-")) {
      return "kela";
    }
    if (service.startsWith("pension-")) {
      return "pension";
    }
    return "employment-services".equals(service) ? "te" : "sote";
  }
}
