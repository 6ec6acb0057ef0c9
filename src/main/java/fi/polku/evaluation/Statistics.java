package fi.polku.evaluation;

import java.util.Arrays;

/** The summary statistics the evaluation uses, defined once (docs/evaluation.md says the same). */
final class Statistics {

  private Statistics() {}

  /** The middle value; for an even count the mean of the two middle values. Null for none. */
  static Double median(int[] values) {
    if (values.length == 0) {
      return null;
    }
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }

  /**
   * The nearest-rank percentile: the smallest value that at least {@code percent} % of the values
   * are at or below. The 90th percentile of 1..10 is 9, of 1..20 it is 18. Null for none.
   */
  static Double percentile(int[] values, int percent) {
    if (values.length == 0) {
      return null;
    }
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return (double) sorted[Math.max(rank, 1) - 1];
  }

  /** The arithmetic mean, null for none. */
  static Double mean(int[] values) {
    return values.length == 0 ? null : Arrays.stream(values).average().orElseThrow();
  }
}
