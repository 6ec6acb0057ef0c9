package fi.polku.healthcheck;

import fi.polku.cases.Agency;
import fi.polku.cases.ProcessValues;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One request for a health check, whichever way it came in (an invitation round's row, a Tasklist
 * start form, a walk-in): what {@link HealthCheckIntake} validates, screens and records.
 *
 * @param wayIn {@code invitation} (a round), {@code referral} (a coordinator) or {@code walk-in} (the nurse)
 * @param consent the client's consent to pass the check's summary to employment services, or null
 */
record HealthCheckRequest(String identityCode, String name, String email, String phone, String municipality,
    Integer unemploymentMonths, Boolean unemployed, Boolean coveredByOccupationalHealth,
    Integer monthsSinceLastHealthCheck, String wayIn, String referralReason, String language, Consent consent,
    String requestedBy) {

  static final String INVITATION = "invitation";
  static final String REFERRAL = "referral";
  static final String WALK_IN = "walk-in";

  /** The consent given with the request: until which day, and whether it covers the nurse's findings. */
  record Consent(LocalDate validUntil, boolean health) {}

  /** The start form's fields, as Tasklist sent them (health-check-invitation-start.form). */
  static HealthCheckRequest fromStartForm(VariableScope form) {
    Consent consent = ProcessValues.flag(form, "consentGiven")
        ? new Consent(ProcessValues.date(form, "consentValidUntil"), ProcessValues.flag(form, "consentHealth"))
        : null;
    String by = ProcessValues.text(form, HealthCheckModel.REQUESTED_BY);
    return new HealthCheckRequest(ProcessValues.text(form, "identityCode"), ProcessValues.text(form, "clientName"),
        ProcessValues.text(form, "clientEmail"), ProcessValues.text(form, "clientPhone"),
        ProcessValues.text(form, "municipality"), ProcessValues.integer(form, "unemploymentMonths"),
        bool(form.getVariable("unemployed")), bool(form.getVariable("coveredByOccupationalHealth")),
        ProcessValues.integer(form, "monthsSinceLastHealthCheck"), ProcessValues.text(form, HealthCheckModel.WAY_IN),
        ProcessValues.text(form, "referralReason"), ProcessValues.text(form, "language"), consent,
        by == null ? "tasklist" : by);
  }

  /** The form's fields that the request moves into our tables, removed from the variables after intake. */
  static final java.util.List<String> FORM_FIELDS = java.util.List.of("municipality", "unemploymentMonths",
      "unemployed", "coveredByOccupationalHealth", "hadHealthCheck", "monthsSinceLastHealthCheck", "language",
      "consentGiven", "consentHealth", "consentValidUntil");

  /** A walk-in is the sote centre's own client; a round's row and a referral come from employment services. */
  Agency agency() {
    return WALK_IN.equals(wayIn) ? Agency.SOTE : Agency.TE;
  }

  /** A screening answer left blank stays unknown (null), never "no": the decision's last rule catches it. */
  private static Boolean bool(Object value) {
    return value == null ? null : Boolean.valueOf(Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value)));
  }
}
