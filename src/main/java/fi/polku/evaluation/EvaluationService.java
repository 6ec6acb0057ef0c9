package fi.polku.evaluation;

import fi.polku.calendar.WorkingDays;
import fi.polku.cases.WorkAbilityMeasurements;
import fi.polku.referral.ReferralRecords;
import fi.polku.referral.TeReferralModel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme evaluation, computed from the engine's history (process and activity instances)
 * and the rows the paths write as they run — never from figures kept by hand. docs/evaluation.md
 * defines every metric: {@link EvaluationScan} is the query, {@link TallyMetrics} and
 * {@link RecordedMetrics} the calculators.
 */
@Service
public class EvaluationService {

  /** Lead times in the order the report shows them. */
  static final List<String> LEAD_TIMES = List.of("referral-to-triage", "referral-to-mapping", "mapping-to-plan",
      "job-loss-to-coordinator", "invitation-to-check");

  /** Rows streamed from the database at a time: a report over a million instances stays small in memory. */
  private static final int FETCH_SIZE = 5_000;

  private final EvaluationScan scan;
  private final PathEnds ends;
  private final RecordedMetrics recorded;
  private final WorkingDays workingDays;
  private final Clock clock;
  private final SupportedEmploymentMetrics supportedEmployment;
  private final OnwardMetrics onward;

  EvaluationService(JdbcTemplate jdbc, WorkingDays workingDays, RepositoryService repository, Clock clock,
      fi.polku.supported.SupportedEmploymentRecords supportedEmploymentRecords,
      fi.polku.onward.OnwardReferralRecords onwardRecords, fi.polku.onward.UnaccountedCases unaccounted,
      ReferralRecords referralRecords, WorkAbilityMeasurements measurements) {
    this.supportedEmployment = new SupportedEmploymentMetrics(supportedEmploymentRecords, clock);
    this.onward = new OnwardMetrics(onwardRecords, unaccounted::list, workingDays);
    JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
    streaming.setFetchSize(FETCH_SIZE);
    this.scan = new EvaluationScan(streaming);
    this.ends = new PathEnds(repository);
    this.recorded = new RecordedMetrics(referralRecords, measurements);
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** Computes every metric for the clients the query selects. */
  @Transactional(readOnly = true)
  public EvaluationReport report(EvaluationQuery query) {
    EvaluationScan.Filter filter = new EvaluationScan.Filter(query);
    EvaluationCalendar calendar = new EvaluationCalendar(workingDays, query.from().minusDays(1),
        LocalDate.now(clock.withZone(WorkingDays.FINLAND)).plusDays(2), YearMonth.from(query.from()), YearMonth.from(query.to()));
    EvaluationScan.Tally tally = new EvaluationScan.Tally();
    for (String path : query.paths()) {
      tally.paths.put(path, new EvaluationScan.PathTally(path, calendar.months.length, ends.endEventNames(path)));
    }
    LEAD_TIMES.forEach(leadTime -> tally.leadTimes.put(leadTime, new Histogram(0)));
    scan.instances(filter, calendar, tally);
    List<Figure> figures = new ArrayList<>();
    TallyMetrics.clients(tally, figures);
    TallyMetrics.clientsPerMonth(tally, calendar, figures);
    TallyMetrics.leadTimes(query, tally, figures);
    TallyMetrics.sla(query, tally, figures);
    TallyMetrics.endStates(tally, figures);
    List<String> referrals = query.paths().contains(TeReferralModel.PROCESS_KEY)
        ? scan.instanceIds(filter, TeReferralModel.PROCESS_KEY) : List.of();
    recorded.followOn(query, referrals, tally, figures);
    recorded.outcomes(query, referrals, tally, figures);
    recorded.workAbility(EvaluationScan.clients(tally), figures);
    TallyMetrics.invitations(query, tally, figures);
    // Path 4 reports from its own records; it is not among the paths the report can be filtered to.
    if (query.path().isEmpty()) {
      supportedEmployment.figures(query, figures);
    }
    // Onward referrals cross the paths: reported for the whole programme, like path 4.
    if (query.path().isEmpty()) {
      onward.figures(query, figures);
    }
    return new EvaluationReport(query, clock.instant(), List.copyOf(figures));
  }
}
