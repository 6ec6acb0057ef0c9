package fi.polku.demo;

import com.fasterxml.jackson.databind.JsonNode;
import fi.polku.calendar.WorkingDays;
import fi.polku.engine.TasklistForm;
import fi.polku.referral.ReferralCriteria;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Starts the paths of made-up people the ways real ones start: other agencies' systems through
 * the API, staff through Tasklist's start forms (what the form submits for the entries, {@link TasklistForm}). Identity codes are valid-format temporary codes
 * (individual number 900–999), names and addresses are invented, mail goes to polku.invalid.
 */
public class DemoPaths {

  private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  private static final String[] FIRST = {"Aino", "Eero", "Helmi", "Juho", "Kerttu", "Lauri", "Maija", "Niilo", "Oona",
      "Paavo", "Riikka", "Sampo", "Tyyne", "Urho", "Venla", "Ville", "Elli", "Onni", "Siiri", "Toivo"};
  private static final String[] LAST = {"Demola", "Esimerkki", "Kokeilu", "Mallinen", "Testinen", "Kuvitelma",
      "Harjoitus", "Näytteinen", "Keksitty", "Harjoittelija"};

  /** A made-up person. */
  public record Person(String identityCode, String name, String email, String municipality) {

    /** The person as the API's request fields. */
    Map<String, Object> asApiFields() {
      return Map.of("identityCode", identityCode, "name", name, "email", email, "municipality", municipality);
    }

    /** The person as the start forms' fields. */
    Map<String, Object> asFormFields() {
      return Map.of("identityCode", identityCode, "clientName", name, "clientEmail", email, "municipality", municipality);
    }
  }

  private final DemoApi api;
  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final Random random;
  private final java.util.Set<String> usedCodes = new java.util.HashSet<>();
  private int people;

  public DemoPaths(DemoApi api, FormService forms, RepositoryService repository, IdentityService identity, long seed) {
    this.api = api;
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
    this.random = new Random(seed);
  }

  /** The other agencies' systems, for the demo of a path that calls them itself. */
  DemoApi api() {
    return api;
  }

  /** A new made-up person living in the municipality. */
  public Person person(String municipality) {
    String code;
    do {
      LocalDate born = LocalDate.of(1966 + random.nextInt(38), 1 + random.nextInt(12), 1 + random.nextInt(28));
      String date = String.format("%02d%02d%02d", born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100);
      String individual = String.valueOf(900 + random.nextInt(100));
      code = date + (born.getYear() < 2000 ? "-" : "A") + individual
          + CHECK_CHARACTERS.charAt(Integer.parseInt(date + individual) % 31);
    } while (!usedCodes.add(code));
    people++;
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    return new Person(code, first + " " + last, "asiakas" + people + "@polku.invalid", municipality);
  }

  /** Employment services' system refers the client to the team (POST /api/referrals); the case number. */
  public String referralByApi(Person person, boolean consent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.putAll(person.asApiFields());
    body.put("unemploymentMonths", 12 + random.nextInt(40));
    // The API wants every criterion answered: no, unless drawn below.
    Map<String, Object> criteria = new LinkedHashMap<>();
    ReferralCriteria.names().forEach(criterion -> criteria.put(criterion, false));
    criteria.put("partialWorkAbility", true);
    criteria.put("longTermUnemployed", random.nextBoolean());
    criteria.put("unmappedHealthProblems", random.nextBoolean());
    criteria.put("unclearOverallSituation", random.nextInt(4) == 0);
    criteria.put("missingEducation", random.nextInt(5) == 0);
    criteria.put("needsSeveralServices", random.nextBoolean());
    body.put("criteria", criteria);
    body.put("reason", "Toistuvat työttömyysjaksot ja osatyökykyisyys");
    body.put("question", "Mikä tukisi työllistymistä?");
    if (consent) {
      body.put("consent", Map.of("includesHealth", random.nextBoolean(), "validUntil", today().plusYears(1).toString()));
    }
    return api.post("te", "/api/referrals", body).get("caseNumber").asText();
  }

  /** A coordinator submits te-referral's start form in Tasklist; the process instance's id. */
  public String referralByTasklist(Person person, String coordinator) {
    Map<String, Object> form = new HashMap<>();
    form.putAll(person.asFormFields());
    form.put("unemploymentMonths", 12 + random.nextInt(40));
    form.put("partialWorkAbility", true);
    form.put("longTermUnemployed", random.nextBoolean());
    form.put("referralReason", "Osatyökykyisyys, työllistyminen ei ole edennyt");
    form.put("coordinatorQuestion", "Millainen tuki sopisi?");
    form.put("clientMotivation", "moderate");
    form.put("consentGiven", true);
    form.put("consentHealth", false);
    form.put("consentValidUntil", today().plusYears(1));
    return submitStartForm("te-referral", coordinator, "te-coordinator", form);
  }

  /** An invitation round from employment services (POST /api/health-check-invitations); the case numbers in order. */
  public List<String> invitationRound(List<Person> persons) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Person person : persons) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.putAll(person.asApiFields());
      row.put("unemploymentMonths", 6 + random.nextInt(40));
      row.put("unemployed", true);
      row.put("coveredByOccupationalHealth", false);
      row.put("monthsSinceLastHealthCheck", 13 + random.nextInt(30));
      rows.add(row);
    }
    List<String> cases = new ArrayList<>();
    for (JsonNode result : api.post("te", "/api/health-check-invitations", rows).get("results")) {
      cases.add(result.hasNonNull("caseNumber") && "started".equals(result.get("result").asText())
          ? result.get("caseNumber").asText() : null);
    }
    return cases;
  }

  /**
   * An invitation round whose clients the simulation follows from then on, each by its script, with
   * the appointment system's booking planned for those whose script books that way.
   */
  public void invitationRound(Simulation simulation, WorkingDays days, List<Person> persons, List<DemoClient> scripts) {
    List<String> cases = invitationRound(persons);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (int i = 0; i < cases.size(); i++) {
      String caseNumber = cases.get(i);
      DemoClient client = scripts.get(i);
      if (caseNumber == null) {
        continue;
      }
      simulation.follow(caseNumber, client);
      if (client.booking.equals("api") && client.bookingAfterDays >= 0) {
        Instant bookedAt = DemoClient.at(days, now, client.bookingAfterDays, 12);
        Instant appointment = DemoClient.at(days, bookedAt, client.checkInDays, 10);
        simulation.at(bookedAt, "booking", () -> {
          client.bookedFor(appointment);
          bookingByApi(caseNumber, appointment);
        });
      }
    }
  }

  /** A coordinator's referral to a health check, or a nurse's walk-in, through the start form; the process instance's id. */
  public String healthCheckByTasklist(Person person, String wayIn, String user, String group) {
    return healthCheckByTasklist(person, wayIn, user, group, true);
  }

  /** As above; a client covered by occupational health care is outside the target group. */
  public String healthCheckByTasklist(Person person, String wayIn, String user, String group, boolean eligible) {
    Map<String, Object> form = new HashMap<>();
    form.put("wayIn", wayIn);
    form.putAll(person.asFormFields());
    form.put("unemploymentMonths", 6 + random.nextInt(30));
    form.put("unemployed", true);
    form.put("coveredByOccupationalHealth", !eligible);
    form.put("hadHealthCheck", true);
    form.put("monthsSinceLastHealthCheck", 24);
    form.put("referralReason", "walk-in".equals(wayIn) ? "Tuli itse terveysasemalle" : "Ei terveystarkastusta vuosiin");
    // Some walk-ins refuse sharing with employment services; the sote centre's own team can still see them.
    boolean shares = !"walk-in".equals(wayIn) || random.nextInt(4) != 0;
    form.put("consentGiven", shares);
    if (shares) {
      form.put("consentHealth", random.nextBoolean());
      form.put("consentValidUntil", today().plusYears(1));
    }
    return submitStartForm("health-check-invitation", user, group, form);
  }

  /** The appointment system records a booking (POST …/booking). */
  public void bookingByApi(String caseNumber, Instant appointment) {
    api.post("sote", "/api/health-check-invitations/" + caseNumber + "/booking",
        Map.of("appointmentAt", appointment.toString(), "appointmentPlace", "Terveysasema, ajanvaraus"));
  }

  /** The occupational-health provider's system starts a hand-over (POST /api/oh-handovers); the case number. */
  public String handoverByApi(Person person, LocalDate employmentEnds) {
    // Now and then a client under change security, outside the pilot's target group.
    return handoverByApi(person, employmentEnds, random.nextInt(10) == 0);
  }

  /** As above, saying whether the client is under change security (then outside the target group). */
  public String handoverByApi(Person person, LocalDate employmentEnds, boolean changeSecurity) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.putAll(person.asApiFields());
    body.put("provider", random.nextBoolean() ? "Työterveys Esimerkki Oy" : "Kuvitteellinen Työterveys");
    body.put("employer", "Keksitty Tehdas Oy");
    body.put("employmentEndDate", employmentEnds.toString());
    body.put("changeSecurity", changeSecurity);
    body.put("partialWorkAbility", true);
    body.put("threatOfUnemployment", true);
    return api.post("oh", "/api/oh-handovers", body).get("caseNumber").asText();
  }

  /** Employment services report the job loss (POST …/job-loss). */
  public void jobLoss(String caseNumber) {
    api.post("te", "/api/oh-handovers/" + caseNumber + "/job-loss", Map.of());
  }

  /** The occupational-health provider corrects the expected end of employment (a longer notice period). */
  public void correctEndDate(String caseNumber, LocalDate employmentEndDate) {
    api.post("oh", "/api/oh-handovers/" + caseNumber + "/employment-end-date",
        Map.of("employmentEndDate", employmentEndDate.toString()));
  }

  /** Submits the process's start form as Tasklist does for what the user entered. */
  private String submitStartForm(String processKey, String user, String group, Map<String, Object> entered) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getId();
    VariableMap submitted = TasklistForm.ofStart(forms, definitionId).submit(entered);
    identity.setAuthentication(user, List.of(group));
    try {
      // The intake step gives the case number as the business key later; the instance id identifies it now.
      return forms.submitStartForm(definitionId, submitted).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Today on the engine's clock, in Finland. */
  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(WorkingDays.FINLAND).toLocalDate();
  }
}
