package fi.polku.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fi.polku.calendar.WorkingDays;
import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.NewCase;
import fi.polku.cases.PersonalDataVariables;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import fi.polku.support.HttpTestClient;
import fi.polku.support.PostgresSpringTest;
import fi.polku.support.TestReferrals;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Path 1 has one door: a referral from the employment services' system (API), from the coordinator's
 * Tasklist start form and from another path (ReferralIntake.requestFromPath) leaves the same rows
 * (referral, case, consent) and the same process state behind, on PostgreSQL.
 */
class ReferralDoorsIT extends PostgresSpringTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final String COORDINATOR = "it-ovi-koordinaattori";
  static final String REASON = "Toistuvia työttömyysjaksoja, osatyökykyisyys";
  static final String QUESTION = "Mikä tukisi työllistymistä?";
  /** The criteria that hold for the client in every door (TestReferrals' start form and criteriaJson). */
  static final List<String> HOLDING = List.of("partialWorkAbility", "longTermUnemployed");
  /** The variables the gateways and forms after the intake read, the same whichever the door. */
  static final List<String> KEY_VARIABLES = List.of(TeReferralModel.REFERRAL_FROM_AGENCY,
      TeReferralModel.REFERRER_GROUP, TeReferralModel.REFERRER_AGENCY, TeReferralModel.CONSENT_IN_FORCE,
      TeReferralModel.TRIAGE_PROPOSAL, TeReferralModel.TRIAGE_REASON, TeReferralModel.TRIAGE_DECISION,
      TeReferralModel.WHODAS_RECENT, TeReferralModel.REFERRAL_REASON, TeReferralModel.COORDINATOR_QUESTION);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReferralIntake intake;
  @Autowired ClientCaseService cases;
  @Autowired ConsentService consents;
  HttpTestClient http;

  @BeforeEach
  void people() {
    http = new HttpTestClient(port);
    staff(COORDINATOR, "te-coordinator");
  }

  @Test
  void theApiTheStartFormAndAnotherPathLeaveTheSameRowsAndTheSameProcessState() throws Exception {
    Map<String, Object> byApi = stateOf(throughTheApi());
    Map<String, Object> byTasklist = stateOf(throughTheStartForm());
    Map<String, Object> byPath = stateOf(fromAnotherPath());

    Map<String, Object> referral = new TreeMap<>(Map.of("status", "received"));
    ReferralCriteria.names().forEach(name -> referral.put(ReferralCriteria.column(name), HOLDING.contains(name)));
    assertThat(byApi).containsEntry("referral", referral)
        .containsEntry("case agencies", List.of("sote", "te"))
        .containsEntry("waiting before the jobs", List.of("Task_NotifyCounsellors"))
        .containsEntry("waiting after the jobs", List.of(TeReferralModel.TASK_CONFIRM_TRIAGE));
    assertThat((List<?>) byApi.get("consents")).hasSize(4);
    assertThat(byTasklist).as("the Tasklist start form's door").isEqualTo(byApi);
    assertThat(byPath).as("another path's door").isEqualTo(byApi);
  }

  /** POST /api/referrals as employment services' system; the case number. */
  private String throughTheApi() throws Exception {
    String identityCode = TestReferrals.randomTestCode();
    String body = "{\"identityCode\":\"" + identityCode + "\",\"name\":\"Testi Asiakas\","
        + "\"email\":\"asiakas@polku.invalid\",\"municipality\":\"Jyväskylä\",\"unemploymentMonths\":26,"
        + "\"criteria\":" + TestReferrals.criteriaJson() + ",\"reason\":\"" + REASON + "\",\"question\":\"" + QUESTION + "\","
        + "\"consent\":{\"includesHealth\":false,\"validUntil\":\"" + nextYear() + "\"}}";
    HttpResponse<String> created = http.send(http.request("/api/referrals", "te-system", SYSTEM_PASSWORD)
        .header("Content-Type", "application/json").header("Idempotency-Key", "doors-" + identityCode)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("caseNumber").asText();
  }

  /** The coordinator's start form as Tasklist submits it; the case number the instance got. */
  private String throughTheStartForm() throws Exception {
    HttpResponse<String> started = http.send(http.request(
            "/engine-rest/process-definition/key/" + TeReferralModel.PROCESS_KEY + "/submit-form", COORDINATOR,
            STAFF_PASSWORD)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(TestReferrals.startFormJson(true))).build());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).get("id").asText();
    return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
  }

  /** Another path's case, with the consent that path recorded, referred through the public method. */
  private String fromAnotherPath() {
    String caseNumber = cases.openCase(new NewCase(PersonalIdentityCode.parse(TestReferrals.randomTestCode()),
        "Testi Asiakas", "asiakas@polku.invalid", null, "Jyväskylä", Agency.TE, COORDINATOR)).caseNumber();
    for (ConsentScope scope : List.of(ConsentScope.STATUS, ConsentScope.PLAN)) {
      consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, scope, today(), nextYear()), COORDINATOR);
      consents.give(caseNumber, new NewConsent(Agency.SOTE, Agency.TE, scope, today(), nextYear()), COORDINATOR);
    }
    intake.requestFromPath(caseNumber, new ReferralRequest(
        ReferralCriteria.only(HOLDING), REASON, QUESTION, COORDINATOR,
        "oh-handover", Agency.TE, ReferralRequest.Referrer.TE_COORDINATOR, Map.of()));
    return caseNumber;
  }

  /** What a door left behind: the rows of the case and the referral's process, without what names the door. */
  private Map<String, Object> stateOf(String caseNumber) {
    Map<String, Object> state = new TreeMap<>();
    Map<String, Object> referral = new TreeMap<>(jdbc.queryForMap("select status, " + String.join(", ",
        ReferralCriteria.names().stream().map(ReferralCriteria::column).toList())
        + " from referral where case_number = ?", caseNumber));
    state.put("referral", referral);
    state.put("case agencies", jdbc.queryForList(
        "select agency from case_agency where case_number = ? order by agency", String.class, caseNumber));
    state.put("consents", jdbc.queryForList("select from_agency || '>' || to_agency || ':' || scope || ':' || valid_until"
        + " from consent where case_number = ? and withdrawn_at is null order by 1", String.class, caseNumber));
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(TeReferralModel.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(jdbc.queryForObject("select process_instance_id from referral where case_number = ?", String.class,
        caseNumber)).as("the referral row names its process").isEqualTo(instance.getId());
    state.put("waiting before the jobs", runtimeService.getActiveActivityIds(instance.getId()));
    Map<String, Object> variables = runtimeService.getVariables(instance.getId());
    assertThat(variables).as("personal data left the variables").doesNotContainKeys(
        PersonalDataVariables.NAMES.toArray(String[]::new));
    assertThat(variables).containsEntry(TeReferralModel.CASE_NUMBER, caseNumber)
        .containsKey(TeReferralModel.REFERRAL_ID);
    Map<String, Object> key = new TreeMap<>();
    KEY_VARIABLES.forEach(name -> key.put(name, variables.get(name)));
    ReferralCriteria.names().forEach(name -> key.put(name, variables.get(name)));
    state.put("variables", key);
    runJobs(caseNumber, job -> !"Timer_TriageSla".equals(activityOf(job)));
    state.put("waiting after the jobs", runtimeService.getActiveActivityIds(instance.getId()));
    return state;
  }

  private static LocalDate today() {
    return LocalDate.now(WorkingDays.FINLAND);
  }

  private static LocalDate nextYear() {
    return today().plusYears(1);
  }
}
