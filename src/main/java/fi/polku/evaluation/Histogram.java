package fi.polku.evaluation;

/**
 * Whole numbers (working days, scores, changes) counted by value, so a million lead times take a
 * few kilobytes. The report's one definition of its statistics (docs/evaluation.md): the median is
 * the middle value, or the mean of the two middle values for an even count; a percentile is the
 * nearest rank.
 */
final class Histogram {

  private final int offset;
  private long[] counts;
  private long n;
  private long sum;

  /** @param min the smallest value expected (a change may be negative); smaller ones are counted as min */
  Histogram(int min) {
    this.offset = -min;
    this.counts = new long[64];
  }

  void add(int value) {
    int index = Math.max(0, value + offset);
    if (index >= counts.length) {
      counts = java.util.Arrays.copyOf(counts, Math.max(index + 1, counts.length * 2));
    }
    counts[index]++;
    n++;
    sum += value;
  }

  long n() {
    return n;
  }

  /** The middle value; for an even count the mean of the two middle values. Null for none. */
  Double median() {
    if (n == 0) {
      return null;
    }
    return n % 2 == 1 ? (double) valueAt(n / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2.0;
  }

  /** The nearest-rank percentile: the value at rank ⌈p/100 · n⌉. Null for none. */
  Double percentile(int percent) {
    if (n == 0) {
      return null;
    }
    long rank = (long) Math.ceil(percent / 100.0 * n);
    return (double) valueAt(Math.max(rank, 1) - 1);
  }

  Double mean() {
    return n == 0 ? null : (double) sum / n;
  }

  /** How many values lie from low to high, both included. */
  long between(int low, int high) {
    long count = 0;
    for (int index = Math.max(0, low + offset); index < counts.length && index <= (long) high + offset; index++) {
      count += counts[index];
    }
    return count;
  }

  /** The value at a zero-based position in sorted order. */
  private int valueAt(long position) {
    long seen = 0;
    for (int index = 0; index < counts.length; index++) {
      seen += counts[index];
      if (seen > position) {
        return index - offset;
      }
    }
    throw new IllegalStateException("position " + position + " beyond " + n);
  }
}
