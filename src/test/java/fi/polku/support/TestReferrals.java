package fi.polku.support;

import fi.polku.calendar.WorkingDays;
import fi.polku.engine.TasklistForm;
import fi.polku.referral.ReferralCriteria;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** What a TE coordinator enters into te-referral's start form in Tasklist, for a made-up client. */
public final class TestReferrals {

  /** te-referral's start form (forms/te-referral-start.form). */
  public static final String START_FORM = "te-referral-start";

  private static final Random RANDOM = new Random();

  private TestReferrals() {}

  /**
   * A made-up temporary identity code (individual number 900–999) with a random birth date, so no
   * two referrals in a test run (or in reruns on one database) belong to the same person.
   */
  public static String randomTestCode() {
    String date = String.format("%02d%02d%02d", 1 + RANDOM.nextInt(28), 1 + RANDOM.nextInt(12), 50 + RANDOM.nextInt(40));
    String individual = String.valueOf(900 + RANDOM.nextInt(100));
    return date + "-" + individual + "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt(Integer.parseInt(date + individual) % 31);
  }

  /**
   * What the coordinator enters into the start form: a partially able, long-term unemployed client
   * who consented (or not). Submit it through {@link Tasklist#start} or {@link #startFormJson}.
   */
  public static Map<String, Object> startForm(boolean consentGiven) {
    Map<String, Object> form = new HashMap<>();
    form.put("identityCode", randomTestCode());
    form.put("clientName", "Testi Asiakas");
    form.put("clientEmail", "asiakas@polku.invalid");
    form.put("clientPhone", "040 000 0000");
    form.put("municipality", "Jyväskylä");
    form.put("unemploymentMonths", 26);
    // The other criteria's checkboxes are left alone: Tasklist sends them as false.
    form.put("partialWorkAbility", true);
    form.put("longTermUnemployed", true);
    form.put("referralReason", "Toistuvia työttömyysjaksoja, osatyökykyisyys");
    form.put("coordinatorQuestion", "Mikä tukisi työllistymistä?");
    form.put("clientGoal", "Osa-aikatyö");
    form.put("clientMotivation", "high");
    form.put("consentGiven", consentGiven);
    if (consentGiven) {
      // Shown only once the consent is ticked.
      form.put("consentHealth", false);
      form.put("consentValidUntil", LocalDate.now(WorkingDays.FINLAND).plusYears(1));
    }
    return form;
  }

  /**
   * The API's {@code criteria} object of the same client: partially able and long-term unemployed,
   * every other criterion of {@link ReferralCriteria} answered no, so a new criterion needs no test edit.
   */
  public static String criteriaJson() {
    Map<String, Object> answers = ReferralCriteria.only(List.of("partialWorkAbility", "longTermUnemployed")).asVariables();
    return "{" + String.join(",", answers.entrySet().stream()
        .map(answer -> "\"" + answer.getKey() + "\":" + answer.getValue()).toList()) + "}";
  }

  /** The engine REST API's submit-form body Tasklist posts for the start form filled in as {@link #startForm}. */
  public static String startFormJson(boolean consentGiven) {
    return TasklistForm.restBody(TasklistForm.byId(START_FORM).submit(startForm(consentGiven)));
  }

  /**
   * The body employment services' system posts to {@code POST /api/referrals} for a new client in
   * the municipality: the criteria of {@link #criteriaJson}, a plan consent valid for a year.
   */
  public static String apiReferralJson(String identityCode, String municipality) {
    return "{\"identityCode\":\"" + identityCode + "\",\"name\":\"Testi Asiakas\",\"email\":\"asiakas@polku.invalid\","
        + "\"municipality\":\"" + municipality + "\",\"unemploymentMonths\":30,\"criteria\":" + criteriaJson() + ","
        + "\"reason\":\"Toistuvat työttömyysjaksot\",\"question\":\"Mikä tukisi työllistymistä?\","
        + "\"consent\":{\"includesHealth\":false,\"validUntil\":\"" + LocalDate.now(WorkingDays.FINLAND).plusYears(1) + "\"}}";
  }

  /**
   * The counsellor's triage as entered in Tasklist: the twelve WHODAS answers 1 (green), the
   * interview done with the notes, the client to the team. A map the caller may change.
   */
  public static Map<String, Object> teamTriage(String interviewNotes) {
    Map<String, Object> form = new HashMap<>();
    for (int item = 1; item <= 12; item++) {
      form.put("whodas" + item, 1);
    }
    form.put("triageDecision", "team-appointment");
    form.put("clientDeclined", false);
    form.put("initialInterviewDone", true);
    form.put("initialInterviewNotes", interviewNotes);
    return form;
  }
}
