package fi.polku.evaluation;

/**
 * One cell of the evaluation: a statistic of a metric for a path and a category, and how many
 * clients it describes (which decides whether it may be shown).
 *
 * @param metric the metric's id, e.g. {@code lead-time}
 * @param path the path's process key, or {@code all}
 * @param category what the row is about within the metric, e.g. {@code referral-to-triage}
 * @param categoryName the category in Finnish, as a reader sees it
 * @param statistic {@code count}, {@code share}, {@code median}, {@code p90}, {@code mean} or {@code n}
 * @param value the figure; null when there is nothing to compute (no clients)
 * @param clients how many clients the figure describes
 */
public record Figure(String metric, String path, String category, String categoryName, String statistic,
    Double value, long clients) {

  /** Cells describing fewer clients than this are shown as "< 5". */
  public static final int SMALL_NUMBER_LIMIT = 5;

  /** What every output shows for a suppressed cell. */
  public static final String SUPPRESSED = "< 5";

  static Figure count(String metric, String path, String category, String categoryName, long clients) {
    return new Figure(metric, path, category, categoryName, "count", (double) clients, clients);
  }

  Figure withStatistic(String newStatistic) {
    return new Figure(metric, path, category, categoryName, newStatistic, value, clients);
  }

  Figure named(String name) {
    return new Figure(metric, path, category, name, statistic, value, clients);
  }

  /**
   * True when the cell describes between 1 and 4 clients: such a cell could identify someone, so
   * it is shown as "< 5". A cell of no clients identifies nobody and is shown.
   */
  public boolean suppressed() {
    return clients > 0 && clients < SMALL_NUMBER_LIMIT;
  }

  /** The value as every output shows it: a number, "< 5", or null when there is none. */
  public Object shown() {
    if (suppressed()) {
      return SUPPRESSED;
    }
    if (value == null) {
      return null;
    }
    return value == Math.rint(value) && !"share".equals(statistic) && !"mean".equals(statistic)
        ? (Object) value.longValue() : (Object) (Math.round(value * 100) / 100.0);
  }
}
