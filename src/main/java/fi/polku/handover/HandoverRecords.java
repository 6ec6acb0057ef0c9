package fi.polku.handover;

/**
 * Path 3's records as the programme evaluation reads them in its one pass over the path
 * instances: the database view {@link #evaluationView()} (migration V31) with, per case,
 * {@code job_loss_at}, {@code follow_on_path} and {@code client_experience}. The view is this
 * module's; its tables are not.
 */
public final class HandoverRecords {

  private HandoverRecords() {}

  /** The view's name (a method, not a constant, so the module check sees who reads it). */
  public static String evaluationView() {
    return "handover_evaluation";
  }
}
