package fi.polku.demo;

import fi.polku.calendar.WorkingDays;
import fi.polku.engine.TasklistForm;
import fi.polku.security.StaffGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Onward referrals in every state for the demo (docs/processes/onward-referral.md), so Tasklist,
 * the team lead's unaccounted list and the evaluation show them on first start. The work-ability
 * team starts each one in Tasklist for a client of its own; the receivers answer as they would:
 * specialist care and the sote centre's groups in Tasklist, Kela and the pension provider through
 * the API as their systems. One client per state:
 *
 * <ul>
 *   <li>requested: specialist care has not answered yet, its deadline is ahead;
 *   <li>accepted: the first appointment is ahead;
 *   <li>in progress: the first appointment has been;
 *   <li>completed with consent for the content: the feedback reached the team, which reviewed it;
 *   <li>completed without consent for the content: the team only learns that it is done (its
 *       review task is open);
 *   <li>rejected, then decided: Kela refused and the team closed it with a reason; the physician's
 *       visit refused and the team sent the client to specialist care instead, which accepted;
 *   <li>rejected, undecided: the pension provider refused and the team's decision task is open
 *       (unaccounted);
 *   <li>unanswered past the deadline: specialist care never answered (unaccounted);
 *   <li>cancelled by the team through the API, and given to the client for want of consent.
 * </ul>
 */
class DemoOnwardReferrals {

  private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  private static final String[] MUNICIPALITIES = {"Jyväskylä", "Jämsä", "Äänekoski", "Laukaa", "Keuruu"};

  private final ProcessEngine engine;
  private final DemoApi api;
  private final Simulation simulation;
  private final WorkingDays workingDays;
  private final DemoOnwardAnswers answers;
  private int people;

  DemoOnwardReferrals(ProcessEngine engine, DemoApi api, Simulation simulation, WorkingDays workingDays) {
    this.engine = engine;
    this.api = api;
    this.simulation = simulation;
    this.workingDays = workingDays;
    this.answers = new DemoOnwardAnswers(engine, api, simulation);
  }

  /** Plans one client per state, started between 60 days and a day before {@code end}. */
  void plan(Instant end) {
    Map<String, Object> close = Map.of("onwardDecision", "close",
        "closeReason", "Asiakas hakee Kelan kuntoutusta itse omatyöntekijän tuella");
    Map<String, Object> elsewhere = Map.of("onwardDecision", "send-elsewhere",
        "newReceivingService", "esh-rehabilitation-polyclinic");
    // Requested: asked yesterday, specialist care has days left to answer.
    plan(end.minus(Duration.ofDays(1)), new DemoOnwardAnswers.Course("esh-multiprofessional-assessment", true, true, DemoOnwardAnswers.Answer.NONE,
        0, 0, 0, null, false));
    // Accepted: the first appointment is next week.
    plan(start(end, 8), new DemoOnwardAnswers.Course("esh-rehabilitation-polyclinic", true, true, DemoOnwardAnswers.Answer.ACCEPT_IN_TASKLIST,
        1, 12, 0, null, false));
    // In progress: accepted, the first appointment has been, no feedback yet.
    plan(start(end, 30), new DemoOnwardAnswers.Course("social-rehabilitation", true, true, DemoOnwardAnswers.Answer.ACCEPT_IN_TASKLIST,
        2, 5, 0, null, false));
    // Completed with consent for the content: the team reads the assessment and reviews it.
    plan(start(end, 70), new DemoOnwardAnswers.Course("esh-multiprofessional-assessment", true, true, DemoOnwardAnswers.Answer.ACCEPT_IN_TASKLIST,
        2, 7, 20, null, true));
    // Completed without consent for the feedback: the team only learns that it is done.
    plan(start(end, 50), new DemoOnwardAnswers.Course("esh-rehabilitation-polyclinic", true, false, DemoOnwardAnswers.Answer.ACCEPT_IN_TASKLIST,
        1, 4, 15, null, false));
    // Rejected by Kela through the API, then closed by the team with a reason.
    plan(start(end, 40), new DemoOnwardAnswers.Course("kela-vocational-rehabilitation", true, true, DemoOnwardAnswers.Answer.REJECT_BY_API,
        3, 0, 0, close, false));
    // Rejected by the physician's visit, then sent to specialist care, which accepts.
    plan(start(end, 35), new DemoOnwardAnswers.Course("sote-physician", true, true, DemoOnwardAnswers.Answer.REJECT_IN_TASKLIST,
        2, 0, 0, elsewhere, false));
    // Rejected by the pension provider through the API; the team has not decided (unaccounted).
    plan(start(end, 9), new DemoOnwardAnswers.Course("pension-vocational-rehabilitation", true, true, DemoOnwardAnswers.Answer.REJECT_BY_API,
        2, 0, 0, null, false));
    // Unanswered past the deadline: the team lead has been told, the team has not decided (unaccounted).
    plan(start(end, 14), new DemoOnwardAnswers.Course("esh-multiprofessional-assessment", true, true, DemoOnwardAnswers.Answer.NONE,
        0, 0, 0, null, false));
    // Cancelled by the team through the API while waiting for the answer.
    plan(start(end, 20), new DemoOnwardAnswers.Course("kela-rehabilitation-need-assessment", true, true, DemoOnwardAnswers.Answer.CANCEL_BY_API,
        2, 0, 0, null, false));
    // No consent: the team gives the referral to the client to take along.
    plan(start(end, 25), new DemoOnwardAnswers.Course("employment-services", false, false, DemoOnwardAnswers.Answer.GIVE_TO_CLIENT,
        1, 0, 0, null, false));
  }

  /** The first working-day morning after {@code days} + 1 days before the end. */
  private Instant start(Instant end, int days) {
    return DemoClient.at(workingDays, end.minus(Duration.ofDays(days + 1L)), 1, 9);
  }

  private void plan(Instant at, DemoOnwardAnswers.Course course) {
    String identityCode = identityCode();
    String municipality = MUNICIPALITIES[people % MUNICIPALITIES.length];
    simulation.at(at, "onward referral " + course.service(), () -> {
      String caseNumber = api.post("sote", "/api/cases", Map.of("identityCode", identityCode,
          "municipality", municipality)).get("caseNumber").asText();
      LocalDate today = at.atZone(WorkingDays.FINLAND).toLocalDate();
      // A consent is for crossing to another agency: none within the sote centre. The referral the
      // team may send elsewhere instead goes to specialist care, with the same consent.
      Set<String> receivers = new LinkedHashSet<>(List.of(DemoOnwardAnswers.receivingAgency(course.service())));
      if (course.decision() != null && course.decision().containsValue("send-elsewhere")) {
        receivers.add("esh");
      }
      receivers.remove("sote");
      for (String receiver : receivers) {
        for (String scope : List.of("status", "plan")) {
          if (course.consentThere()) {
            consent(caseNumber, "sote", receiver, scope, today);
          }
          if (course.consentBack() || "status".equals(scope) && course.consentThere()) {
            consent(caseNumber, receiver, "sote", scope, today);
          }
        }
      }
      simulation.follow(caseNumber, (task, now, days) -> answers.plan(course, task, now, days));
      startReferral(caseNumber, course.service());
    });
  }

  private void consent(String caseNumber, String from, String to, String scope, LocalDate today) {
    api.post("sote", "/api/cases/" + caseNumber + "/consents", Map.of("fromAgency", from, "toAgency", to,
        "scope", scope, "givenOn", today.toString(), "validUntil", today.plusYears(1).toString(), "channel", "written"));
  }

  /** The work-ability team starts the referral in Tasklist, with what its start form submits. */
  private void startReferral(String caseNumber, String service) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("onward-referral").latestVersion().singleResult().getId();
    var submitted = TasklistForm.ofStart(engine.getFormService(), definitionId).submit(new HashMap<>(Map.of(
        "caseNumber", caseNumber, "receivingService", service, "contentScope", "plan",
        "onwardReason", "Työkyvyn tuen tiimin kartoitus: tarvitaan jatkoarvio ja kuntoutussuunnitelma")));
    StaffGroup team = StaffGroup.WORK_ABILITY_TEAM;
    engine.getIdentityService().setAuthentication(team.demoUser(), List.of(team.id()));
    try {
      engine.getFormService().submitStartForm(definitionId, submitted);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** A made-up temporary identity code (individual number 900–999), born 1960–1965 so none repeats the others'. */
  private String identityCode() {
    people++;
    int year = 1960 + people % 6;
    String date = String.format("%02d%02d%02d", 1 + people % 28, 1 + people % 12, year % 100);
    String individual = String.valueOf(900 + people);
    return date + "-" + individual + CHECK_CHARACTERS.charAt(Integer.parseInt(date + individual) % 31);
  }
}
