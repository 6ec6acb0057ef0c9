package fi.polku.demo;

import java.util.List;
import java.util.Random;

/**
 * The made-up clients' courses: drawn with weights so that the demo population looks like a
 * year of the programme and still every step and end state of every path occurs.
 */
final class DemoProfiles {

  private DemoProfiles() {
  }

  /** A client's course, drawn so that every step and end state of every path occurs. */
  static DemoClient profile(Random random) {
    DemoClient client = new DemoClient();
    client.triageDays = weighted(random, 10, 25, 25, 15, 10, 5, 4, 3, 3) ;
    client.triageDecision = List.of("team-appointment", "investigations", "not-for-team")
        .get(weighted(random, 75, 12, 13));
    client.declines = random.nextInt(20) == 0;
    client.whodasSum = List.of(3 + random.nextInt(7), 10 + random.nextInt(10), 20 + random.nextInt(10))
        .get(weighted(random, 40, 48, 12));
    client.kykyviisari = random.nextInt(6) == 0 ? null : 2 + random.nextInt(6);
    client.bookingDays = random.nextInt(3);
    client.appointmentInDays = 3 + random.nextInt(10);
    client.misses = weighted(random, 80, 10, 10);
    List<String> followOn = List.of("medical-rehabilitation", "vocational-rehabilitation", "social-rehabilitation",
        "substance-mental-health-rehabilitation", "rehabilitative-work-activity", "supported-employment",
        "other-employment-services", "education", "open-labour-market", "sick-leave", "disability-pension-assessment");
    client.followOnPaths = random.nextInt(3) == 0
        ? List.of(followOn.get(random.nextInt(followOn.size())), followOn.get(random.nextInt(followOn.size()))).stream().distinct().toList()
        : List.of(followOn.get(random.nextInt(followOn.size())));
    client.reviewDays = random.nextInt(15) == 0 ? -1 : 1 + random.nextInt(6);
    List<String> outcomes = List.of("employed", "education", "rehabilitation", "outside-labour-force", "still-unemployed");
    client.outcome3 = outcomes.get(weighted(random, 15, 12, 25, 8, 40));
    client.outcome6 = outcomes.get(weighted(random, 25, 15, 20, 8, 32));
    client.satisfaction3 = 5 + random.nextInt(6);
    client.satisfaction6 = 6 + random.nextInt(5);
    client.followUpDays = random.nextInt(20) == 0 ? -1 : 1 + random.nextInt(5);
    int firstWhodas = client.whodasSum;
    client.whodasSum6 = random.nextInt(3) == 0 ? null : Math.max(0, firstWhodas - 6 + random.nextInt(9));
    client.kykyviisari6 = client.kykyviisari == null ? null : Math.min(10, client.kykyviisari + random.nextInt(4) - 1);
    client.booking = List.of("nurse", "api", "declines", "none").get(weighted(random, 45, 30, 8, 17));
    client.bookingAfterDays = 1 + random.nextInt(9);
    client.checkInDays = 2 + random.nextInt(10);
    client.workAbilityConcern = random.nextInt(3) == 0;
    client.physicianNeeded = random.nextInt(6) == 0;
    client.extendedCheckDays = 1 + random.nextInt(8);
    client.rehabilitationNeed = random.nextInt(5) == 0;
    client.rehabilitationService = List.of("pension-vocational-rehabilitation", "kela-vocational-rehabilitation",
        "kela-rehabilitation-need-assessment").get(weighted(random, 50, 30, 20));
    client.rehabilitationConsent = random.nextInt(6) != 0;
    client.handoverConsent = random.nextInt(8) != 0;
    client.consentDays = random.nextInt(3);
    client.takeOverDays = random.nextInt(25) == 0 ? -1 : weighted(random, 10, 30, 25, 15, 10, 5, 5);
    client.followOnPath = List.of("work", "education", "vocational-rehabilitation", "sote-team", "other")
        .get(weighted(random, 25, 15, 20, 30, 10));
    client.clientExperience = 6 + random.nextInt(5);
    client.asksNewTime = random.nextInt(10) == 0;
    client.handoverHealthConsent = random.nextBoolean();
    client.checkRehabilitationNeed = random.nextInt(10) == 0;
    return client;
  }

  /** A recent client's work is still on the lists: slower triage, and some steps not yet done. */
  static void backlog(DemoClient client, Random random) {
    client.triageDays = 3 + random.nextInt(10);
    client.escalationDays = random.nextBoolean() ? -1 : 2;
    client.bookingDays = random.nextInt(3) == 0 ? -1 : client.bookingDays;
    client.reviewDays = random.nextInt(3) == 0 ? -1 : client.reviewDays;
    client.bookingAfterDays = random.nextInt(3) == 0 ? -1 : client.bookingAfterDays;
    client.extendedCheckDays = random.nextInt(3) == 0 ? -1 : client.extendedCheckDays;
    client.takeOverDays = random.nextInt(3) == 0 ? -1 : client.takeOverDays;
  }

  /** An index drawn with the given weights. */
  static int weighted(Random random, int... weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      draw -= weights[i];
      if (draw < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
