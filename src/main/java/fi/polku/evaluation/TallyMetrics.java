package fi.polku.evaluation;

import fi.polku.handover.OhHandoverModel;
import fi.polku.healthcheck.HealthCheckModel;
import fi.polku.referral.TeReferralModel;
import java.util.List;

/** The figures counted in the scan's tallies: clients, starts per month, lead times, SLA, end states, invitations. */
final class TallyMetrics {

  /** Upper bounds (working days, inclusive) of the lead-time distribution's bars; the last is open. */
  static final int[] BUCKETS = {0, 2, 5, 10, 20, 40};

  private TallyMetrics() {}

  static void clients(EvaluationScan.Tally tally, List<Figure> figures) {
    tally.paths.values().forEach(path -> {
      figures.add(Figure.count("clients", path.path, "total", Labels.category("total"), path.clients.cardinality()));
      path.clientsByWay.forEach((way, clients) ->
          figures.add(Figure.count("clients", path.path, way, Labels.category(way), clients.cardinality())));
    });
  }

  static void clientsPerMonth(EvaluationScan.Tally tally, EvaluationCalendar calendar, List<Figure> figures) {
    tally.paths.values().forEach(path -> {
      for (int month = 0; month < calendar.months.length; month++) {
        String name = calendar.months[month].toString();
        figures.add(Figure.count("clients-per-month", path.path, name, name, path.startsPerMonth[month]));
      }
    });
  }

  static void leadTimes(EvaluationQuery query, EvaluationScan.Tally tally, List<Figure> figures) {
    tally.leadTimes.forEach((leadTime, days) -> {
      String path = leadTime.equals("job-loss-to-coordinator") ? OhHandoverModel.PROCESS_KEY
          : leadTime.equals("invitation-to-check") ? HealthCheckModel.PROCESS_KEY : TeReferralModel.PROCESS_KEY;
      if (!query.paths().contains(path)) {
        return;
      }
      String name = Labels.category(leadTime);
      figures.add(Figure.count("lead-time", path, leadTime, name, days.n()).withStatistic("n"));
      figures.add(new Figure("lead-time", path, leadTime, name, "median", days.median(), days.n()));
      figures.add(new Figure("lead-time", path, leadTime, name, "p90", days.percentile(90), days.n()));
      for (int bar = 0; bar <= BUCKETS.length; bar++) {
        int low = bar == 0 ? 0 : BUCKETS[bar - 1] + 1;
        int high = bar == BUCKETS.length ? Integer.MAX_VALUE - 1 : BUCKETS[bar];
        figures.add(Figure.count("lead-time-distribution", path, leadTime, name, days.between(low, high))
            .withStatistic(bucket(bar)));
      }
    });
  }

  /** The name of a distribution bar: "0", "1–2", …, "> 40". */
  static String bucket(int bar) {
    if (bar == BUCKETS.length) {
      return "> " + BUCKETS[BUCKETS.length - 1];
    }
    int low = bar == 0 ? 0 : BUCKETS[bar - 1] + 1;
    return low == BUCKETS[bar] ? String.valueOf(low) : low + "–" + BUCKETS[bar];
  }

  static void sla(EvaluationQuery query, EvaluationScan.Tally tally, List<Figure> figures) {
    if (!query.paths().contains(TeReferralModel.PROCESS_KEY)) {
      return;
    }
    figures.add(Figure.count("sla", TeReferralModel.PROCESS_KEY, "triaged", Labels.category("triaged"), tally.triaged));
    figures.add(Figure.count("sla", TeReferralModel.PROCESS_KEY, "breached", Labels.category("breached"), tally.breached));
    figures.add(share("sla", TeReferralModel.PROCESS_KEY, "breached", tally.breached, tally.triaged));
  }

  static void endStates(EvaluationScan.Tally tally, List<Figure> figures) {
    tally.paths.values().forEach(path -> path.ends.forEach((state, count) -> figures.add(
        Figure.count("end-state", path.path, state, path.endNames.getOrDefault(state, Labels.category(state)), count))));
  }

  static void invitations(EvaluationQuery query, EvaluationScan.Tally tally, List<Figure> figures) {
    if (!query.paths().contains(HealthCheckModel.PROCESS_KEY)) {
      return;
    }
    String path = HealthCheckModel.PROCESS_KEY;
    figures.add(Figure.count("invitation-response", path, "invited", Labels.category("invited"), tally.invited));
    figures.add(Figure.count("invitation-response", path, "booked", Labels.category("booked"), tally.booked));
    figures.add(Figure.count("invitation-response", path, "checked", Labels.category("checked"), tally.checked));
    figures.add(share("invitation-response", path, "booked", tally.booked, tally.invited));
    figures.add(share("invitation-response", path, "checked", tally.checked, tally.invited));
  }

  /** A share in per cent; it describes the clients counted in it. */
  static Figure share(String metric, String path, String category, long part, long whole) {
    return new Figure(metric, path, category, Labels.category(category), "share",
        whole == 0 ? null : 100.0 * part / whole, part);
  }

  /** A satisfaction's n and mean. */
  static void mean(List<Figure> figures, String path, String category, Histogram values) {
    String name = Labels.category(category);
    figures.add(Figure.count("satisfaction", path, category, name, values.n()).withStatistic("n"));
    figures.add(new Figure("satisfaction", path, category, name, "mean", values.mean(), values.n()));
  }
}
