package fi.polku.evaluation;

import fi.polku.calendar.WorkingDays;
import fi.polku.supported.SupportedEmploymentModel;
import fi.polku.supported.SupportedEmploymentRecords;
import fi.polku.supported.SupportedEmploymentRecords.Coaching;
import fi.polku.supported.SupportedEmploymentRecords.JobSpell;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supported-employment path's figures (docs/evaluation.md, "Tuettu työllistyminen"): clients,
 * how the coachings ended, the share employed on the open labour market with and without wage
 * subsidy, the days from the start to the first employer contact and to the first job, the jobs
 * held at 6 months and the Kykyviisari change. Every cell carries its client count, so the small-number
 * protection of {@link Figure} applies as everywhere.
 */
class SupportedEmploymentMetrics {

  static final String PATH = SupportedEmploymentModel.PROCESS_KEY;

  /** End states in the model's order, with the names the report shows. */
  static final Map<String, String> END_STATES = endStates();

  private final SupportedEmploymentRecords records;
  private final Clock clock;

  SupportedEmploymentMetrics(SupportedEmploymentRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  void figures(EvaluationQuery query, List<Figure> figures) {
    List<Coaching> coachings = records.coachings(query.from(), query.to(), query.municipality());
    LocalDate today = LocalDate.now(clock.withZone(WorkingDays.FINLAND));
    long agreed = coachings.stream().filter(c -> "agreed".equals(c.cooperation())).count();
    long ended = coachings.stream().filter(c -> c.endState() != null).count();
    long open = 0;
    long withSubsidy = 0;
    Map<String, Long> ends = new LinkedHashMap<>();
    END_STATES.keySet().forEach(state -> ends.put(state, 0L));
    Histogram toContact = new Histogram(0);
    Histogram toJob = new Histogram(0);
    Histogram kykyviisari = new Histogram(-10);
    long jobsDue = 0;
    long jobsHeld = 0;
    for (Coaching coaching : coachings) {
      LocalDate start = coaching.startedAt().atZone(WorkingDays.FINLAND).toLocalDate();
      if (coaching.endState() != null) {
        ends.merge(coaching.endState(), 1L, Long::sum);
      }
      if ("employed".equals(coaching.endState()) && !coaching.jobs().isEmpty()) {
        String arrangement = coaching.jobs().get(coaching.jobs().size() - 1).arrangement();
        open += "none".equals(arrangement) ? 1 : 0;
        withSubsidy += "wage-subsidy".equals(arrangement) ? 1 : 0;
      }
      if (coaching.firstContactDate() != null) {
        toContact.add((int) Math.max(0, ChronoUnit.DAYS.between(start, coaching.firstContactDate())));
      }
      if (!coaching.jobs().isEmpty()) {
        toJob.add((int) Math.max(0, ChronoUnit.DAYS.between(start, coaching.jobs().get(0).startDate())));
      }
      for (JobSpell job : coaching.jobs()) {
        LocalDate sixMonths = job.startDate().plusMonths(6);
        if (!sixMonths.isAfter(today)) {
          jobsDue++;
          jobsHeld += job.endedOn() == null || !job.endedOn().isBefore(sixMonths) ? 1 : 0;
        }
      }
      if (coaching.kykyviisariFirst() != null && coaching.kykyviisariLast() != null) {
        kykyviisari.add(coaching.kykyviisariLast() - coaching.kykyviisariFirst());
      }
    }
    String metric = "supported-employment";
    figures.add(count(metric, "clients", "Asiakkaat", coachings.size()));
    figures.add(count(metric, "cooperation-agreed", "Sopi yhteistyöstä valmentajan kanssa", agreed));
    figures.add(count(metric, "ended", "Valmennus päättynyt", ended));
    figures.add(count(metric, "employed-open", "Työllistyi avoimille työmarkkinoille ilman palkkatukea", open));
    figures.add(share(metric, "employed-open", "Työllistyi avoimille työmarkkinoille ilman palkkatukea", open, ended));
    figures.add(count(metric, "employed-wage-subsidy", "Työllistyi avoimille työmarkkinoille palkkatuella", withSubsidy));
    figures.add(share(metric, "employed-wage-subsidy", "Työllistyi avoimille työmarkkinoille palkkatuella", withSubsidy, ended));
    figures.add(count(metric, "jobs-held-6m", "Työsuhde jatkui 6 kk:n kohdalla (työt, jotka alkoivat ≥ 6 kk sitten)", jobsHeld));
    figures.add(share(metric, "jobs-held-6m", "Työsuhde jatkui 6 kk:n kohdalla (työt, jotka alkoivat ≥ 6 kk sitten)", jobsHeld, jobsDue));
    for (Map.Entry<String, Long> end : ends.entrySet()) {
      String name = "Päättyi: " + END_STATES.get(end.getKey());
      figures.add(count(metric, "end:" + end.getKey(), name, end.getValue()));
      figures.add(share(metric, "end:" + end.getKey(), name, end.getValue(), ended));
    }
    String times = "supported-employment-time";
    days(figures, times, "start-to-first-contact", "Aloitus → ensimmäinen työnantajakontakti", toContact);
    days(figures, times, "start-to-first-job", "Aloitus → ensimmäisen työn alku", toJob);
    String change = "supported-employment-kykyviisari";
    String name = "Kykyviisari: viimeinen seuranta − profiili (0–10, suurempi parempi)";
    figures.add(Figure.count(change, PATH, "kykyviisari", name, kykyviisari.n()).withStatistic("n"));
    figures.add(new Figure(change, PATH, "kykyviisari", name, "mean", kykyviisari.mean(), kykyviisari.n()));
    figures.add(new Figure(change, PATH, "kykyviisari", name, "median", kykyviisari.median(), kykyviisari.n()));
  }

  private static void days(List<Figure> figures, String metric, String category, String name, Histogram days) {
    figures.add(Figure.count(metric, PATH, category, name, days.n()).withStatistic("n"));
    figures.add(new Figure(metric, PATH, category, name, "median", days.median(), days.n()));
    figures.add(new Figure(metric, PATH, category, name, "p90", days.percentile(90), days.n()));
  }

  private static Figure count(String metric, String category, String name, long clients) {
    return Figure.count(metric, PATH, category, name, clients);
  }

  private static Figure share(String metric, String category, String name, long part, long whole) {
    return TallyMetrics.share(metric, PATH, category, part, whole).named(name);
  }

  private static Map<String, String> endStates() {
    Map<String, String> states = new LinkedHashMap<>();
    states.put("employed", "työllistynyt, tuki päättyi sovitusti");
    states.put("education", "siirtyi opiskelemaan");
    states.put("other-service", "siirtyi toiseen palveluun");
    states.put("client-ended", "asiakas lopetti valmennuksen");
    states.put("unreachable", "asiakasta ei tavoitettu");
    states.put("declined", "asiakas ei halunnut valmennusta");
    return states;
  }
}
