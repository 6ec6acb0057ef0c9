package fi.polku.responsible;

/** Why a person became responsible for a case: the step that made them so, as staff read it. */
public enum Reason {
  TRIAGE("triage", "vahvisti ohjauksen suunnan", false),
  HEALTH_CHECK_BOOKING("health-check-booking", "kirjasi terveystarkastuksen ajan", false),
  HEALTH_CHECK("health-check", "piti terveystarkastuksen", false),
  HANDOVER_START("handover-start", "aloitti siirron työterveyshuollosta", false),
  OCCUPATIONAL_HEALTH("occupational-health", "hoiti asiakkaan työterveyshuollossa", false),
  TAKE_OVER("take-over", "otti asiakkaan vastaan työllisyyspalveluissa", true),
  MAPPING("mapping", "nimettiin asiakasvastaavaksi työkyvyn tuen kartoituksessa", true),
  JOB_COACH("job-coach", "työhönvalmentaja tuetussa työllistymisessä", true),
  CHANGE("change", "asiakasvastaava vaihdettiin", true);

  private final String code;
  private final String finnishText;
  private final boolean caseManager;

  Reason(String code, String finnishText, boolean caseManager) {
    this.code = code;
    this.finnishText = finnishText;
    this.caseManager = caseManager;
  }

  /** The code stored in case_responsible.reason. */
  public String code() {
    return code;
  }

  /** What happened, in Finnish, for the case page. */
  public String finnishText() {
    return finnishText;
  }

  /**
   * Whether the person is the case's named case manager (asiakasvastaava): agreed in the team's
   * mapping, the coordinator who took the client over, or handed the case on the case page. A
   * worker who merely did an intake step does not replace a case manager.
   */
  public boolean caseManager() {
    return caseManager;
  }

  static Reason fromCode(String code) {
    for (Reason reason : values()) {
      if (reason.code.equals(code)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("Unknown reason " + code);
  }
}
