package fi.polku.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** What a TE coordinator's Tasklist start form of te-referral submits, for a made-up client. */
public final class TestReferrals {

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

  /** The start form's fields: a partially able, long-term unemployed client who consented. */
  public static Map<String, Object> startForm(boolean consentGiven) {
    Map<String, Object> form = new HashMap<>();
    form.put("identityCode", randomTestCode());
    form.put("clientName", "Testi Asiakas");
    form.put("clientEmail", "asiakas@polku.invalid");
    form.put("clientPhone", "040 000 0000");
    form.put("municipality", "Jyväskylä");
    form.put("unemploymentMonths", 26);
    for (String criterion : new String[] {"partialWorkAbility", "longTermUnemployed", "unmappedHealthProblems",
        "unclearOverallSituation", "missingEducation", "needsSeveralServices", "employed"}) {
      form.put(criterion, false);
    }
    form.put("partialWorkAbility", true);
    form.put("longTermUnemployed", true);
    form.put("referralReason", "Toistuvia työttömyysjaksoja, osatyökykyisyys");
    form.put("coordinatorQuestion", "Mikä tukisi työllistymistä?");
    form.put("clientGoal", "Osa-aikatyö");
    form.put("clientMotivation", "high");
    form.put("consentGiven", consentGiven);
    form.put("consentHealth", false);
    if (consentGiven) {
      form.put("consentValidUntil", LocalDate.now().plusYears(1).toString());
    }
    return form;
  }

  /** The start form as the engine REST API's submit-form body. */
  public static String startFormJson(boolean consentGiven) {
    return EngineRestJson.variables(startForm(consentGiven));
  }
}
