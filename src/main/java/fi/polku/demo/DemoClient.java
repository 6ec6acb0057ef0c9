package fi.polku.demo;

import fi.polku.calendar.WorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;

/**
 * How one made-up client's paths go: what the staff enter in each task's form (as a user fills
 * it in Tasklist: a list for a checklist, an Instant or a LocalDate for a date picker, only the
 * fields the form shows) and after how many working days. One script serves every path of the case, so a hand-over or a health check that
 * continues as a referral keeps the same client. A delay of -1 leaves the task open.
 */
public class DemoClient implements Simulation.ClientScript {

  // te-referral
  public int triageDays = 2;
  public String triageDecision = "team-appointment";
  public boolean declines;
  /** The WHODAS 2.0 sum at the first measurement (0–48): under 10 green, 10–19 yellow, 20 or more red. */
  public int whodasSum = 8;
  public Integer kykyviisari = 5;
  public int escalationDays = 1;
  public int bookingDays = 1;
  public int appointmentInDays = 5;
  /** Appointments missed before the client comes (2 ends the referral as unreachable). */
  public int misses;
  /** The client asks for a new time once (as the invitation invites), which is not a miss. */
  public boolean asksNewTime;
  public List<String> followOnPaths = List.of("vocational-rehabilitation");
  public int reviewDays = 2;
  public String outcome3 = "still-unemployed";
  public int satisfaction3 = 8;
  public String outcome6 = "employed";
  public int satisfaction6 = 9;
  public Integer whodasSum6 = 8;
  public Integer kykyviisari6 = 7;
  public int followUpDays = 2;

  // health-check-invitation
  /** nurse (the nurse records the booking), declines, or none (the appointment system books by API, or nobody). */
  public String booking = "nurse";
  public int bookingAfterDays = 5;
  public int checkInDays = 6;
  public boolean workAbilityConcern;
  public boolean physicianNeeded;
  /** The nurse finds a rehabilitation need: an onward referral to Kela's rehabilitation-need assessment. */
  public boolean checkRehabilitationNeed;

  // oh-handover
  public int extendedCheckDays = 3;
  public boolean rehabilitationNeed;
  /** The receiver of the rehabilitation-need notice (an onward service code) and the client's consent to it. */
  public String rehabilitationService = "pension-vocational-rehabilitation";
  public boolean rehabilitationConsent = true;
  public boolean handoverConsent = true;
  /** The hand-over consent covers health information, so the extended check's findings reach the coordinator. */
  public boolean handoverHealthConsent;
  public int escalationOfTakeOverDays = 1;
  public int consentDays = 1;
  public int takeOverDays = 2;
  public String followOnPath = "work";
  public int clientExperience = 8;

  private int missed;
  private boolean askedNewTime;
  private boolean investigationsDone;
  private Instant appointment;
  private SupportedEmploymentScript supportedEmployment;
  private final SpecialistCareScript specialistCare = new SpecialistCareScript();

  @Override
  public Optional<Simulation.TaskPlan> plan(Task task, Instant now, WorkingDays days) {
    Optional<Simulation.TaskPlan> specialistCarePlan = specialistCare.plan(task, now, days, whodasSum, triageDays, declines);
    if (specialistCarePlan != null) {
      return specialistCarePlan;
    }
    Map<String, Object> values = new HashMap<>();
    int after;
    switch (task.getTaskDefinitionKey()) {
      case "Task_ConfirmTriage" -> {
        after = triageDays;
        whodas(values);
        values.put("kykyviisariScore", kykyviisari);
        values.put("triageDecision", triageDecision);
        // Asked for (and submitted) only when the decision departs from the proposal.
        values.put("triageOverrideReason", "Ohjaus vahvistettu alkuhaastattelussa");
        values.put("clientDeclined", declines);
        values.put("initialInterviewDone", true);
        values.put("initialInterviewNotes", "Haluaa osa-aikatyötä; pitkä seisominen ja jännittäminen vaikeuttavat.");
        values.put("benefitsAdviceGiven", true);
        values.put("benefitsAdviceNotes", "Kuntoutusraha ja soviteltu työttömyysetuus käyty läpi.");
      }
      case "Task_EscalateTriage" -> {
        after = escalationDays;
        values.put("escalationNote", "Ruuhkaa palveluohjauksessa; ohjaus sovittu tehtäväksi tällä viikolla.");
      }
      case "Task_BookAppointment" -> {
        after = bookingDays;
        if (after >= 0) {
          appointment = at(days, now, after + appointmentInDays, 9);
          values.put("appointmentKind", "investigations".equals(triageDecision) && !investigationsDone
              ? "investigations" : "team-appointment");
          values.put("appointmentAt", appointment);
          values.put("appointmentPlace", "Sote-keskus, työkyvyn tuen tiimi, huone 2");
        }
      }
      case "Task_RecordInvestigationResults" -> {
        if (appointment == null) {
          return Optional.empty();
        }
        investigationsDone = true;
        values.put("investigationResults", "Lääkärin arvio ja laboratoriotulokset: ei estettä kevyelle työlle.");
        return Optional.of(new Simulation.TaskPlan(Duration.between(now, appointment.plus(Duration.ofDays(5))), values));
      }
      case "Task_MapWorkAbility" -> {
        if (appointment == null) {
          return Optional.empty();
        }
        if (asksNewTime && !askedNewTime) {
          // The client called to move the appointment: a new time, not a miss.
          askedNewTime = true;
          values.put("appointmentAttended", false);
          values.put("rescheduleRequested", true);
          Duration call = Duration.between(now, appointment.minus(Duration.ofHours(20)));
          return Optional.of(new Simulation.TaskPlan(call.isNegative() ? Duration.ZERO : call, values));
        }
        boolean attended = missed >= misses;
        missed++;
        values.put("appointmentAttended", attended);
        values.put("rescheduleRequested", false);
        if (attended) {
          values.put("workAbilityAssessment", "Työkyky osittain alentunut; tuki tarpeen.");
          values.put("supportPlan", "Tuen suunnitelma tehty yhdessä asiakkaan kanssa.");
          values.put("followOnPaths", followOnPaths);
          // The team's member becomes case manager: the simulation puts in the group's user.
          values.put("caseManager", Simulation.USER_OF + "work-ability-team");
        }
        return Optional.of(new Simulation.TaskPlan(Duration.between(now, appointment.plus(Duration.ofHours(2))), values));
      }
      case "Task_ReviewPlan", "Task_ReviewPlanInSote" -> {
        after = reviewDays;
        values.put("planReviewed", true);
      }
      case "Task_FollowUp3" -> {
        after = followUpDays;
        values.put("outcome3", outcome3);
        values.put("satisfaction3", satisfaction3);
      }
      case "Task_FollowUp6" -> {
        after = followUpDays;
        values.put("outcome6", outcome6);
        values.put("satisfaction6", satisfaction6);
        values.put("whodasSum6", whodasSum6);
        values.put("kykyviisariScore6", kykyviisari6);
      }
      case "Task_RecordBooking" -> {
        if (booking.equals("none") || booking.equals("api")) {
          return Optional.empty();
        }
        after = bookingAfterDays;
        appointment = at(days, now, after + checkInDays, 10);
        values.put("clientDeclined", booking.equals("declines"));
        if (!booking.equals("declines")) {
          values.put("appointmentAt", appointment);
          values.put("appointmentPlace", "Terveysasema, terveydenhoitajan vastaanotto");
        }
      }
      case "Task_HealthCheck" -> {
        boolean attended = missed >= misses;
        missed++;
        Instant when = appointment == null ? at(days, now, 0, 13) : appointment.plus(Duration.ofHours(1));
        values.put("attended", attended);
        if (attended) {
          values.put("findings", "Verenpaine ja uni käyty läpi.");
          whodas(values);
          values.put("kykyviisariScore", kykyviisari);
          values.put("workAbilityConcern", workAbilityConcern);
          values.put("physicianNeeded", physicianNeeded);
          values.put("rehabilitationNeed", checkRehabilitationNeed);
          values.put("clientView", "Haluaa takaisin työelämään.");
          values.put("healthPlan", "Liikunta, uni ja ravinto; seuranta terveysasemalla.");
        } else {
          // The form requires the WHODAS answers even when the client did not come.
          whodas(values);
          // A missed appointment is rebooked a week on (the nurse records it in the booking task).
          appointment = at(days, when, 5, 10);
        }
        return Optional.of(new Simulation.TaskPlan(Duration.between(now, when).isNegative() ? Duration.ZERO
            : Duration.between(now, when), values));
      }
      case "Task_ExtendedHealthCheck", "Task_SendRehabilitationNotice", "Task_AskConsent", "Task_EscalateTakeOver",
          "Task_TakeOver" -> after = HandoverAnswers.fill(this, task.getTaskDefinitionKey(), now, values);
      case "Task_ObtainConsent" -> {
        // An onward referral of the mapping waits for the client's consent: the worker records it.
        after = 2;
        values.put("consentAction", "record-consent");
        values.put("consentValidUntil", now.atZone(WorkingDays.FINLAND).toLocalDate().plusYears(1));
      }
      default -> {
        // The onward referrals of the mapping's follow-on paths and supported employment (issue 18).
        if (supportedEmployment == null) {
          supportedEmployment = new SupportedEmploymentScript(SupportedEmploymentScript.Course.values()[
              Math.floorMod(whodasSum + triageDays, SupportedEmploymentScript.Course.values().length)], whodasSum);
        }
        return supportedEmployment.plan(task, now, days);
      }
    }
    if (after < 0) {
      return Optional.empty();
    }
    return Optional.of(new Simulation.TaskPlan(Duration.between(now, at(days, now, after, 11)), values));
  }

  /** The appointment system booked the check for this moment (the booking came by API). */
  public void bookedFor(Instant appointmentAt) {
    appointment = appointmentAt;
  }

  private void whodas(Map<String, Object> values) {
    // The sum spread over the twelve answers (each 0–4) as evenly as it goes.
    int sum = Math.max(0, Math.min(48, whodasSum));
    for (int item = 1; item <= 12; item++) {
      values.put("whodas" + item, sum / 12 + (item <= sum % 12 ? 1 : 0));
    }
  }

  /** The moment {@code workingDays} working days after now at the hour (Finnish time), never before now. */
  static Instant at(WorkingDays days, Instant now, int workingDays, int hour) {
    ZonedDateTime here = now.atZone(WorkingDays.FINLAND);
    LocalDate day = workingDays == 0 ? here.toLocalDate() : days.plusWorkingDays(here.toLocalDate(), workingDays);
    Instant at = day.atTime(hour, 0).atZone(WorkingDays.FINLAND).toInstant();
    return at.isBefore(now) ? now.plus(Duration.ofMinutes(30)) : at;
  }
}
