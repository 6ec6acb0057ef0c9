package fi.polku.healthcheck;

/**
 * Path 2's records as the programme evaluation reads them in its one pass over the path
 * instances: the database view {@link #evaluationView()} (migration V31) with, per case,
 * {@code way_in}, {@code booked_at}, {@code checked_at} and {@code route}. The view is this
 * module's; its tables are not.
 */
public final class HealthCheckRecords {

  private HealthCheckRecords() {}

  /** The view's name (a method, not a constant, so the module check sees who reads it). */
  public static String evaluationView() {
    return "health_check_evaluation";
  }
}
