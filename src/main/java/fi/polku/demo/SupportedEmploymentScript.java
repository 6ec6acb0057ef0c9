package fi.polku.demo;

import fi.polku.calendar.WorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.camunda.bpm.engine.task.Task;

/**
 * How one made-up client's supported employment goes (docs/processes/supported-employment.md): the
 * job coach accepts the onward referral, meets the client, profiles, searches with a few employer
 * contacts (sometimes too slowly, so the reminder fires), agrees a job and follows it up until the
 * course's end. The course decides the end state, so the demo reaches every one of them.
 */
class SupportedEmploymentScript implements Simulation.ClientScript {

  /** How the coaching ends; LOST_THEN_EMPLOYED loses the first job at a follow-up and finds another. */
  enum Course { EMPLOYED_OPEN, EMPLOYED_WAGE_SUBSIDY, LOST_THEN_EMPLOYED, DECLINED, EDUCATION, OTHER_SERVICE,
    CLIENT_ENDED, UNREACHABLE }

  private final Course course;
  private final Random random;
  private final int contactsBeforeJob;
  private int contacts;
  private int jobs;
  private int followUps;

  SupportedEmploymentScript(Course course, long seed) {
    this.course = course;
    this.random = new Random(seed);
    this.contactsBeforeJob = 1 + random.nextInt(4);
  }

  @Override
  public Optional<Simulation.TaskPlan> plan(Task task, Instant now, WorkingDays days) {
    Map<String, Object> values = new HashMap<>();
    int after;
    LocalDate today = now.atZone(WorkingDays.FINLAND).toLocalDate();
    switch (task.getTaskDefinitionKey()) {
      // The onward referral: the job coach (or another receiving group) takes the client.
      case "Task_ReceiveReferral" -> {
        after = 1 + random.nextInt(3);
        values.put("answer", "accept");
        values.put("firstAppointmentAt", DemoClient.at(days, now, after + 3, 10));
      }
      case "Task_ReviewFeedback" -> {
        after = 2;
        values.put("feedbackReviewed", true);
      }
      case "Task_FirstMeeting" -> {
        after = 3;
        values.put("cooperation", course == Course.DECLINED ? "declined" : "agreed");
      }
      case "Task_VocationalProfile" -> {
        after = 5 + random.nextInt(6);
        values.put("workHistory", "Varasto- ja kiinteistöhuoltotöitä noin 6 vuotta");
        values.put("education", "Peruskoulu, logistiikan kursseja");
        values.put("skills", "Trukkikortti, täsmällisyys, hyvä kunto");
        values.put("workWishes", "Varasto, kauppa tai kiinteistöhuolto; osa-aika aluksi");
        if (random.nextInt(5) != 0) {
          values.put("kykyviisariScore", 3 + random.nextInt(4));
        }
        values.put("kykyviisariDiscussed", true);
      }
      case "Task_JobSearch" -> {
        // Now and then the coach is slow: the reminder and the team lead's notice fire first.
        after = random.nextInt(6) == 0 ? 25 : 3 + random.nextInt(9);
        if (contacts < contactsBeforeJob + (jobs > 0 ? 1 : 0)) {
          contacts++;
          values.put("searchStep", "contact");
          values.put("employerName", EMPLOYERS[random.nextInt(EMPLOYERS.length)]);
          values.put("contactDate", days.plusWorkingDays(today, after));
          values.put("contactOutcome", contacts == contactsBeforeJob ? "job-offer" : OUTCOMES[random.nextInt(OUTCOMES.length)]);
        } else if (ending() != null && course != Course.CLIENT_ENDED) {
          ending(values, "searchStep");
        } else {
          values.put("searchStep", "job-found");
        }
      }
      case "Task_EmployerAgreement" -> {
        after = 2 + random.nextInt(5);
        jobs++;
        values.put("agreement", "reached");
        values.put("employerName", EMPLOYERS[random.nextInt(EMPLOYERS.length)]);
        values.put("jobTitle", TITLES[random.nextInt(TITLES.length)]);
        values.put("jobStartDate", days.plusWorkingDays(today, after + 5));
        values.put("weeklyHours", 20 + 5 * random.nextInt(4));
        values.put("arrangement", course == Course.EMPLOYED_WAGE_SUBSIDY || (jobs == 1 && course == Course.LOST_THEN_EMPLOYED)
            ? "wage-subsidy" : course == Course.CLIENT_ENDED ? "work-trial" : "none");
        boolean consent = random.nextInt(10) < 7;
        values.put("employerConsent", consent);
        if (consent) {
          values.put("employerConsentUntil", today.plusYears(1));
          values.put("employerDisclosure", "Tuettu työllistyminen ja valmentajan yhteystiedot; sovitut työaikajärjestelyt");
        }
      }
      case "Task_FollowUp" -> {
        after = 1 + random.nextInt(3);
        followUps++;
        values.put("clientView", followUps == 1 ? "Työ on alkanut hyvin, perehdytys jatkuu" : "Työ sujuu, työaika sopii");
        values.put("employerView", "Työ sujuu sovitusti");
        if (random.nextBoolean()) {
          values.put("kykyviisariScore", 5 + random.nextInt(4));
        }
        if (course == Course.LOST_THEN_EMPLOYED && jobs == 1) {
          values.put("jobStatus", "lost");
          values.put("clientView", "Työsuhde päättyi koeajalla");
          followUps = 0;
        } else if (course == Course.CLIENT_ENDED) {
          ending(values, "jobStatus");
        } else {
          values.put("jobStatus", followUps >= 3 ? "support-ended" : "continuing");
        }
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(new Simulation.TaskPlan(Duration.between(now, DemoClient.at(days, now, after, 11)), values));
  }

  /** The end reason of a course that ends without a job, or null. */
  private String ending() {
    return switch (course) {
      case EDUCATION -> "education";
      case OTHER_SERVICE -> "other-service";
      case CLIENT_ENDED -> "client-ended";
      case UNREACHABLE -> "unreachable";
      default -> null;
    };
  }

  private void ending(Map<String, Object> values, String step) {
    values.put(step, "ended");
    values.put("endReason", ending());
    if ("other-service".equals(ending())) {
      values.put("newService", "rehabilitative-work-activity");
    }
    values.put("endNote", switch (ending()) {
      case "education" -> "Pääsi ammatilliseen koulutukseen";
      case "other-service" -> "Haluaa ensin kuntouttavaan työtoimintaan";
      case "client-ended" -> "Asiakas halusi lopettaa valmennuksen";
      default -> "Ei vastannut yhteydenottoihin kuukauteen";
    });
  }

  private static final String[] EMPLOYERS = {"Keksitty Varasto Oy", "Kuvitteellinen Kauppa Ky", "Esimerkki Kiinteistöt Oy",
    "Mallikahvila", "Tarinatuote Oy"};
  private static final String[] TITLES = {"Varastotyöntekijä", "Myyjä", "Kiinteistönhoitaja", "Keittiöapulainen"};
  private static final String[] OUTCOMES = {"no-opening", "call-back", "interview", "work-trial"};
}
