package fi.polku.evaluation;

import fi.polku.api.InvalidParameterException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which clients a report describes: those whose path started on a day from {@code from} to
 * {@code to} (both included, Finnish time), optionally on one path and in one municipality.
 */
public record EvaluationQuery(LocalDate from, LocalDate to, Optional<String> path, Optional<String> municipality) {

  /** The three service paths, in the order the report shows them. */
  public static final List<String> PATHS = List.of("te-referral", "health-check-invitation", "oh-handover");

  /** The longest period one report covers, so a mistyped year cannot make the database read everything. */
  static final int MAX_YEARS = 10;

  public EvaluationQuery {
    if (from == null) {
      throw new InvalidParameterException("from", "required: the first day, e.g. 2026-01-01");
    }
    if (to == null) {
      throw new InvalidParameterException("to", "required: the last day, e.g. 2026-12-31");
    }
    if (to.isBefore(from)) {
      throw new InvalidParameterException("to", "is before 'from' (" + from + "): give the last day of the period");
    }
    if (from.plusYears(MAX_YEARS).isBefore(to)) {
      throw new InvalidParameterException("to", "the period is longer than " + MAX_YEARS + " years");
    }
    path = path == null ? Optional.empty() : path.filter(value -> !value.isBlank());
    municipality = municipality == null ? Optional.empty() : municipality.map(String::trim).filter(value -> !value.isBlank());
    if (path.isPresent() && !PATHS.contains(path.get())) {
      throw new InvalidParameterException("path", "unknown path: use one of " + String.join(", ", PATHS));
    }
    if (municipality.isPresent() && municipality.get().length() > 100) {
      throw new InvalidParameterException("municipality", "at most 100 characters");
    }
  }

  /** The paths the report covers. */
  List<String> paths() {
    return path.map(List::of).orElse(PATHS);
  }
}
