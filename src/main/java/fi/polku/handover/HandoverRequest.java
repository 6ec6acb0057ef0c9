package fi.polku.handover;

import fi.polku.cases.ProcessValues;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What every way onto path 3 gives: the body of {@code POST /api/oh-handovers}, and the start form
 * {@code oh-handover-start} read into the same shape ({@link #fromStartForm}). The rules below are
 * checked once, by {@link HandoverIntake}, whichever way the request came.
 */
record HandoverRequest(
    @NotBlank(message = "required") String identityCode,
    @NotBlank(message = "required") @Size(max = 200, message = "at most 200 characters") String name,
    @Email(message = "not an e-mail address") String email,
    @Size(max = 50, message = "at most 50 characters") String phone,
    @NotBlank(message = "required") String municipality,
    @NotBlank(message = "required") @Size(max = 200, message = "at most 200 characters") String provider,
    @NotBlank(message = "required") @Size(max = 200, message = "at most 200 characters") String employer,
    @NotNull(message = "required") LocalDate employmentEndDate,
    @NotNull(message = "required") Boolean changeSecurity,
    @NotNull(message = "required") Boolean partialWorkAbility,
    @NotNull(message = "required") Boolean threatOfUnemployment,
    @Pattern(regexp = "fi|sv", message = "one of fi, sv") String language) {

  /**
   * The keys of the start form's fields, in the order of the record's components. The intake reads
   * them and removes them from the instance the form started: what they hold is kept in our tables.
   */
  static final List<String> START_FORM_FIELDS = List.of("identityCode", "clientName", "clientEmail", "clientPhone",
      "municipality", "providerName", "employerName", OhHandoverModel.EMPLOYMENT_END_DATE,
      OhHandoverModel.CHANGE_SECURITY, OhHandoverModel.PARTIAL_WORK_ABILITY, OhHandoverModel.THREAT_OF_UNEMPLOYMENT,
      "language");

  /** The start form's values (as Tasklist submits them) as a request. */
  static HandoverRequest fromStartForm(VariableScope form) {
    return new HandoverRequest(ProcessValues.text(form, "identityCode"), ProcessValues.text(form, "clientName"),
        ProcessValues.text(form, "clientEmail"), ProcessValues.text(form, "clientPhone"),
        ProcessValues.text(form, "municipality"), ProcessValues.text(form, "providerName"),
        ProcessValues.text(form, "employerName"), ProcessValues.date(form, OhHandoverModel.EMPLOYMENT_END_DATE),
        answer(form, OhHandoverModel.CHANGE_SECURITY), answer(form, OhHandoverModel.PARTIAL_WORK_ABILITY),
        answer(form, OhHandoverModel.THREAT_OF_UNEMPLOYMENT), ProcessValues.text(form, "language"));
  }

  /** A yes/no radio: null when unanswered, so that an unanswered question is never read as "no". */
  private static Boolean answer(VariableScope form, String key) {
    return form.getVariable(key) == null ? null : ProcessValues.flag(form, key);
  }
}
