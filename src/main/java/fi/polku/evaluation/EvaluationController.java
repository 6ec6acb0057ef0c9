package fi.polku.evaluation;

import fi.polku.api.Caller;
import fi.polku.api.ForbiddenException;
import fi.polku.api.InvalidParameterException;
import fi.polku.security.StaffGroup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme evaluation as JSON or CSV, for the programme's administrators and team leads.
 * Cells describing 1–4 clients are "< 5" in both.
 */
@RestController
@RequestMapping("/api/evaluation")
@Tag(name = "Evaluation")
class EvaluationController {

  private final EvaluationService evaluation;
  private final Clock clock;

  EvaluationController(EvaluationService evaluation, Clock clock) {
    this.evaluation = evaluation;
    this.clock = clock;
  }

  /** Who may read the evaluation: administrators and team leads. */
  static boolean mayRead(Collection<String> groups) {
    return groups.contains(StaffGroup.ADMIN_GROUP) || groups.contains(StaffGroup.TEAM_LEAD.id());
  }

  /** The report as JSON. */
  record Report(LocalDate from, LocalDate to, String path, String municipality, Instant generatedAt,
      int smallNumberLimit, String suppressedAs, List<Cell> figures) {}

  /** One figure; value is a number, "< 5", or null when there is nothing to compute. */
  record Cell(String metric, String metricName, String path, String pathName, String category,
      String categoryName, String statistic, Object value) {}

  @Operation(summary = "Programme evaluation for a period (JSON)",
      description = "Clients whose path started from 'from' to 'to' (days in Finnish time, both included), "
          + "optionally on one path and in one municipality. Cells describing 1–4 clients are \"< 5\". "
          + "Metrics are defined in docs/evaluation.md.")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Report json(Caller caller,
      @Parameter(description = "first day, default 18 months ago") @RequestParam(required = false)
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @Parameter(description = "last day, default today") @RequestParam(required = false)
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(description = "te-referral, health-check-invitation or oh-handover") @RequestParam(required = false) String path,
      @RequestParam(required = false) String municipality) {
    EvaluationReport report = evaluation.report(query(caller, from, to, path, municipality));
    EvaluationQuery query = report.query();
    return new Report(query.from(), query.to(), query.path().orElse(null), query.municipality().orElse(null),
        report.generatedAt(), Figure.SMALL_NUMBER_LIMIT, Figure.SUPPRESSED,
        report.figures().stream().map(figure -> new Cell(figure.metric(), Labels.METRICS.get(figure.metric()),
            figure.path(), Labels.PATHS.get(figure.path()), figure.category(), figure.categoryName(),
            figure.statistic(), figure.shown())).toList());
  }

  @Operation(summary = "Programme evaluation for a period (CSV for Excel)",
      description = "The same figures as the JSON, one per row: UTF-8 with a byte-order mark, semicolons, "
          + "decimal commas, so Excel in Finnish opens it as it is.")
  @GetMapping(produces = "text/csv")
  ResponseEntity<byte[]> csv(Caller caller,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String path,
      @RequestParam(required = false) String municipality) {
    return EvaluationCsv.download(evaluation.report(query(caller, from, to, path, municipality)));
  }

  private EvaluationQuery query(Caller caller, LocalDate from, LocalDate to, String path, String municipality) {
    if (!mayRead(caller.groups())) {
      throw new ForbiddenException("the evaluation is for the groups polku-admin and team-lead");
    }
    return defaults(clock, from, to, path, municipality);
  }

  /** The query with the default period: the last 18 months up to today. */
  static EvaluationQuery defaults(Clock clock, LocalDate from, LocalDate to, String path, String municipality) {
    LocalDate today = LocalDate.now(clock.withZone(fi.polku.calendar.WorkingDays.FINLAND));
    if (from != null && from.isAfter(today)) {
      // A period starting after today made the report's calendar negative (a 500; HostileInputIT, issue 20).
      throw new InvalidParameterException("from", "is after today: the report covers days that have passed");
    }
    LocalDate last = to == null ? today : to;
    return new EvaluationQuery(from == null ? last.minusMonths(18).plusDays(1) : from, last,
        Optional.ofNullable(path), Optional.ofNullable(municipality));
  }
}
