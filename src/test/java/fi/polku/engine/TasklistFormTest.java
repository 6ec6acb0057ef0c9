package fi.polku.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.support.Tasklist;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * What {@link TasklistForm} makes of the real form files: the values and types Tasklist submits,
 * and the entries it refuses as the browser would.
 */
class TasklistFormTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TasklistForm MAPPING = TasklistForm.byId("te-referral-mapping");

  /** What the mapping task shows: the variables of a referral waiting for its mapping. */
  private static final Map<String, Object> MAPPING_SHOWN = Map.of("caseNumber", "TK-2026-000001",
      "appointmentAt", "2026-12-07T09:00+02:00", "referralReason", "Osatyökykyisyys",
      "coordinatorQuestion", "Mikä tukisi työllistymistä?", "whodasFlag", "green",
      // The users the case manager is chosen from, as the engine puts them on the task (a Json list).
      "caseManagerOptions", List.of(Map.of("label", "Tiina Tiimi (tiimi)", "value", "tiimi"),
          Map.of("label", "Pia Palveluohjaaja (palveluohjaaja)", "value", "palveluohjaaja")));

  private static Map<String, Object> attendedMapping() {
    return Tasklist.entries("appointmentAttended", true, "workAbilityAssessment", "Työkyky osittain alentunut",
        "supportPlan", "Ammatillinen kuntoutus", "followOnPaths", List.of("vocational-rehabilitation", "education"),
        "caseManager", "tiimi");
  }

  @Test
  void theMappingFormsChecklistIsSubmittedAsAJsonArray() {
    VariableMap submitted = MAPPING.submit(MAPPING_SHOWN, attendedMapping());

    TypedValue paths = submitted.getValueTyped("followOnPaths");
    assertThat(paths).isInstanceOf(JsonValue.class);
    assertThat(((JsonValue) paths).getValueSerialized()).isEqualTo("[\"vocational-rehabilitation\",\"education\"]");
    assertThat(submitted.get("appointmentAttended")).isEqualTo(true);
    assertThat(submitted.get("caseManager")).isEqualTo("tiimi");
  }

  @Test
  void aRequiredFieldLeftEmptyIsRefused() {
    Map<String, Object> entered = attendedMapping();
    entered.remove("caseManager");

    assertThatThrownBy(() -> MAPPING.submit(MAPPING_SHOWN, entered))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caseManager: required");
    entered.put("caseManager", "tiimi");
    entered.put("followOnPaths", List.of());
    assertThatThrownBy(() -> MAPPING.submit(MAPPING_SHOWN, entered))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("followOnPaths: required");
  }

  @Test
  void aValueTheFormCannotHoldOrAFieldItDoesNotHaveIsRefused() {
    Map<String, Object> entered = attendedMapping();
    entered.put("followOnPaths", "vocational-rehabilitation");
    assertThatThrownBy(() -> MAPPING.submit(MAPPING_SHOWN, entered)).hasMessageContaining("followOnPaths: a checklist holds a list");

    entered.put("followOnPaths", List.of("a-path-the-form-does-not-offer"));
    assertThatThrownBy(() -> MAPPING.submit(MAPPING_SHOWN, entered)).hasMessageContaining("is not one of");

    Map<String, Object> unknown = attendedMapping();
    unknown.put("mappingNote", "x");
    assertThatThrownBy(() -> MAPPING.submit(MAPPING_SHOWN, unknown)).hasMessageContaining("mappingNote: no such field");
  }

  @Test
  void aDateTimeOfThePickersShapeThatIsNoRealDayIsRefused() {
    TasklistForm booking = TasklistForm.byId("te-referral-booking");
    Map<String, Object> entered = new java.util.LinkedHashMap<>();
    entered.put("appointmentKind", booking.fields().stream().filter(field -> field.key().equals("appointmentKind"))
        .findFirst().orElseThrow().options().get(0));
    entered.put("appointmentPlace", "Sote-keskus, huone 12");
    entered.put("appointmentAt", "2026-02-30T25:61");
    Map<String, Object> shown = Map.of("caseNumber", "TK-2026-000001", "missedAppointments", 0);
    assertThatThrownBy(() -> booking.submit(shown, entered))
        .hasMessageContaining("appointmentAt: '2026-02-30T25:61' is no day or time of the calendar");

    entered.put("appointmentAt", "2026-12-30T09:30");
    assertThat(booking.submit(shown, entered).get("appointmentAt")).isEqualTo("2026-12-30T09:30");
  }

  @Test
  void fieldsHiddenByTheirConditionAndDisabledFieldsAreNotSubmitted() {
    VariableMap missed = MAPPING.submit(MAPPING_SHOWN, Tasklist.entries("appointmentAttended", false,
        "rescheduleRequested", false));

    assertThat(missed).containsOnlyKeys("appointmentAttended", "rescheduleRequested");
    assertThat(missed.get("appointmentAttended")).isEqualTo(false);
    assertThatThrownBy(() -> MAPPING.submit(MAPPING_SHOWN, Tasklist.entries("appointmentAttended", false,
        "whodasFlag", "red"))).hasMessageContaining("whodasFlag: the field is read-only");
  }

  @Test
  void theTriageOverrideReasonIsAskedForOnlyWhenTheDecisionDepartsFromTheProposal() {
    TasklistForm triage = TasklistForm.byId("te-referral-triage");
    Map<String, Object> shown = Map.of("triageProposal", "team-appointment");
    Map<String, Object> entered = Tasklist.entries("triageDecision", "team-appointment");
    for (int item = 1; item <= 12; item++) {
      entered.put("whodas" + item, 1);
    }

    assertThat(triage.submit(shown, entered)).doesNotContainKey("triageOverrideReason");
    entered.put("triageDecision", "investigations");
    assertThatThrownBy(() -> triage.submit(shown, entered)).hasMessageContaining("triageOverrideReason: required");
    entered.put("triageOverrideReason", "Tutkimukset ensin");
    assertThat(triage.submit(shown, entered).get("triageOverrideReason")).isEqualTo("Tutkimukset ensin");
  }

  @Test
  void aFieldShownOnlyForOneChoiceOfASelectIsSubmittedOnlyThen() {
    TasklistForm takeOver = TasklistForm.byId("oh-handover-take-over");
    Map<String, Object> entered = Tasklist.entries("clientContacted", true, "caseManager", "koordinaattori",
        "followOnPath", "education", "clientExperience", 8);
    Map<String, Object> shown = Map.of("caseManagerOptions", List.of("koordinaattori"));

    assertThat(takeOver.submit(shown, entered)).doesNotContainKey("soteConsentGiven");
    entered.put("followOnPath", "sote-team");
    entered.put("soteConsentGiven", true);
    assertThat(takeOver.submit(shown, entered).get("soteConsentGiven")).isEqualTo(true);
  }

  @Test
  void untouchedTextFieldsAreEmptyTextAndUntouchedCheckboxesFalse() {
    TasklistForm planReview = TasklistForm.byId("te-referral-plan-review");
    VariableMap submitted = planReview.submit(Map.of("caseNumber", "TK-2026-000001"),
        Tasklist.entries("planReviewed", true));

    assertThat(submitted).containsOnlyKeys("planReviewed", "coordinatorNote");
    assertThat(submitted.get("coordinatorNote")).isEqualTo("");

    VariableMap consent = TasklistForm.byId("oh-handover-consent").submit(Map.of(), Map.of());
    assertThat(consent).containsOnlyKeys("consentGiven");
    assertThat(consent.get("consentGiven")).isEqualTo(false);
  }

  @Test
  void numbersBecomeIntegersAndDatesAreWrittenAsThePickerWritesThem() {
    TasklistForm booking = TasklistForm.byId("te-referral-booking");
    VariableMap submitted = booking.submit(Map.of("missedAppointments", 0), Tasklist.entries(
        "appointmentKind", "team-appointment", "appointmentPlace", "Sote-keskus",
        "appointmentAt", ZonedDateTime.of(2026, 12, 7, 9, 0, 30, 0, ZoneId.of("Europe/Helsinki"))));
    assertThat(submitted.get("appointmentAt")).isEqualTo("2026-12-07T09:00+02:00");

    VariableMap followUp = TasklistForm.byId("te-referral-follow-up-3").submit(Map.of(),
        Tasklist.entries("outcome3", "employed", "satisfaction3", 9L, "whodasSum3", 12.0));
    assertThat(followUp.getValueTyped("satisfaction3").getValue()).isInstanceOf(Integer.class).isEqualTo(9);
    assertThat(followUp.getValueTyped("whodasSum3").getValue()).isInstanceOf(Integer.class).isEqualTo(12);
    assertThatThrownBy(() -> TasklistForm.byId("te-referral-follow-up-3").submit(Map.of(),
        Tasklist.entries("outcome3", "employed", "satisfaction3", 11))).hasMessageContaining("satisfaction3: 11 is outside");

    VariableMap consent = TasklistForm.byId("oh-handover-consent").submit(Map.of(),
        Tasklist.entries("consentGiven", true, "consentValidUntil", LocalDate.of(2027, 11, 30)));
    assertThat(consent.get("consentValidUntil")).isEqualTo("2027-11-30");
  }

  @Test
  void theRestBodyCarriesTheChecklistAsJsonAndTheRestUntyped() throws Exception {
    VariableMap submitted = MAPPING.submit(MAPPING_SHOWN, attendedMapping());
    JsonNode body = JSON.readTree(TasklistForm.restBody(submitted));

    JsonNode paths = body.get("variables").get("followOnPaths");
    assertThat(paths.get("type").asText()).isEqualTo("Json");
    assertThat(JSON.readTree(paths.get("value").asText()))
        .isEqualTo(JSON.readTree("[\"vocational-rehabilitation\",\"education\"]"));
    // Once something has read the value (a Json value then drops its serialized text), the body is the same.
    submitted.forEach((name, value) -> { });
    assertThat(JSON.readTree(TasklistForm.restBody(submitted))).isEqualTo(body);
    JsonNode attended = body.get("variables").get("appointmentAttended");
    assertThat(attended.has("type")).isFalse();
    assertThat(attended.get("value").booleanValue()).isTrue();
    assertThat(body.get("variables").get("caseManager").get("value").asText()).isEqualTo("tiimi");
  }

  @Test
  void aSelectFedByAVariableOffersOnlyTheUsersTheTaskCarries() {
    Map<String, Object> entered = attendedMapping();
    entered.put("caseManager", "Tiina Tiimi");

    assertThatThrownBy(() -> MAPPING.submit(MAPPING_SHOWN, entered))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caseManager: 'Tiina Tiimi' is not one of [tiimi, palveluohjaaja]");
    Map<String, Object> withoutOptions = new java.util.HashMap<>(MAPPING_SHOWN);
    withoutOptions.remove("caseManagerOptions");
    entered.put("caseManager", "tiimi");
    assertThatThrownBy(() -> MAPPING.submit(withoutOptions, entered)).as("a select with no options takes nothing")
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caseManager: 'tiimi' is not one of");
  }
}
