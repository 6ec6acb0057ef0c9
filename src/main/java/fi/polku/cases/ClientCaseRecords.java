package fi.polku.cases;

/**
 * The cases as the programme evaluation reads them in its one pass over the path instances: the
 * database view {@link #evaluationView()} (migration V31) with {@code case_number},
 * {@code client_id} and {@code municipality}. The view is this module's; its tables are not.
 */
public final class ClientCaseRecords {

  private ClientCaseRecords() {}

  /** The view's name (a method, not a constant, so the module check sees who reads it). */
  public static String evaluationView() {
    return "client_case_evaluation";
  }
}
