package fi.polku.bench;

/**
 * How much work the benchmark does. Every number is a system property {@code bench.<name>}, so a
 * developer can iterate with tiny numbers (see docs/performance.md); {@link #tiny()} is the smoke
 * test's.
 */
public record BenchSettings(
    int warmupRounds,
    int rounds,
    int referralsPerRound,
    int handoversPerRound,
    int cohortRows,
    int cohortChunk,
    int openTasks,
    int seedInstances,
    int queriesPerGroup,
    int caseLookups,
    int historicInstances,
    int cleanupInstances,
    int cleanupSeconds,
    int reportCalls,
    boolean profile) {

  /** The numbers, unless a system property says otherwise. */
  public static BenchSettings fromSystemProperties() {
    return new BenchSettings(
        get("warmupRounds", 1),
        get("rounds", 5),
        get("referralsPerRound", 20),
        get("handoversPerRound", 20),
        get("cohortRows", 10_000),
        get("cohortChunk", 1_000),
        get("openTasks", 100_000),
        get("seedInstances", 300),
        get("queriesPerGroup", 10),
        get("caseLookups", 60),
        get("historicInstances", 1_000_000),
        get("cleanupInstances", 20_000),
        get("cleanupSeconds", 60),
        get("reportCalls", 5),
        Boolean.parseBoolean(System.getProperty("bench.profile", "true")));
  }

  /** A few of everything: runs every piece of the benchmark code in seconds. */
  public static BenchSettings tiny() {
    return new BenchSettings(0, 2, 2, 2, 20, 10, 120, 4, 2, 4, 300, 60, 5, 2, false);
  }

  private static int get(String name, int fallback) {
    String value = System.getProperty("bench." + name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
