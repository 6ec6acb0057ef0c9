package fi.polku.cases;

import java.time.Instant;
import java.util.List;

/**
 * Closed-loop status of a case for the agencies taking part: which paths run or ended, where each
 * stands now in Finnish, what is due when, and how it ended. Carries no plan or health content.
 */
public record CaseStatus(
    String caseNumber, Instant openedAt, Agency openedBy, List<Agency> agencies, List<PathStatus> paths) {

  /** One service path (process instance) of the case. */
  public record PathStatus(
      String processKey,
      String pathName,
      String state,
      Instant startedAt,
      Instant endedAt,
      List<Step> currentSteps,
      String endState) {}

  /** A step the path waits at now, with its due time when it has one. */
  public record Step(String stepId, String name, Instant dueAt) {}
}
