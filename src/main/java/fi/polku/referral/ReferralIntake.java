package fi.polku.referral;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientCase;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.ClientLanguage;
import fi.polku.cases.NewCase;
import fi.polku.cases.PersonalDataVariables;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.calendar.WorkingDays;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door into path 1 (te-referral): the API, the Tasklist start form's first step and the
 * other paths all come in here, in one order: validate, open or find the case, record the
 * referral, start or correlate the process. The process then runs alike whichever way it came.
 */
@Service
public class ReferralIntake {

  private static final Logger LOG = LoggerFactory.getLogger(ReferralIntake.class);

  private final ReferralService referrals;
  private final ClientCaseService cases;
  private final ConsentService consents;
  private final RuntimeService runtime;
  private final Clock clock;

  ReferralIntake(ReferralService referrals, ClientCaseService cases, ConsentService consents, RuntimeService runtime,
      Clock clock) {
    this.referrals = referrals;
    this.cases = cases;
    this.consents = consents;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** A client referred by who they are (API, Tasklist): what opens their case, and their own words. */
  public record NewClient(
      PersonalIdentityCode identityCode,
      String name,
      String email,
      String phone,
      String municipality,
      Integer unemploymentMonths,
      String clientGoal,
      String clientMotivation,
      Consent consent,
      String language) {}

  /** The client's consent given with the referral; without it the referral goes back to the referrer. */
  public record Consent(boolean includesHealth, LocalDate validUntil) {}

  /** What intake created. */
  public record Intake(String caseNumber, long referralId) {}

  /** How the referral's process begins once the referral is recorded; the instance's id. */
  private interface Start {
    String begin(String caseNumber, Map<String, Object> variables);
  }

  /**
   * Refers a client by who they are and starts path 1 for them (message {@code ReferralRequested}).
   *
   * @throws OpenReferralExistsException when the client already has an open referral
   */
  @Transactional
  public Intake refer(NewClient client, ReferralRequest request) {
    return take(client, request, this::correlate);
  }

  /** As {@link #refer}, for the Tasklist start form: the instance the form started becomes the referral's. */
  @Transactional
  Intake adopt(DelegateExecution execution, NewClient client, ReferralRequest request) {
    return take(client, request, (caseNumber, variables) -> {
      PersonalDataVariables.NAMES.forEach(execution::removeVariable);
      execution.setProcessBusinessKey(caseNumber);
      execution.setVariables(variables);
      return execution.getProcessInstanceId();
    });
  }

  /**
   * Another path refers the client of its open case to the work-ability team and starts path 1 for
   * it. The case holds the client; the consent to pass the information on is the sending path's.
   *
   * @return the referral's id
   */
  @Transactional
  public long requestFromPath(String caseNumber, ReferralRequest request) {
    ClientCase clientCase = cases.get(caseNumber);
    // The work-ability team is the sote centre's; employment services take part only by their own
    // opening or a consent to them, not because another path sent the client to the team.
    cases.join(caseNumber, Agency.SOTE);
    long referralId = referrals.record(clientCase, request, null, null, null);
    start(caseNumber, referralId, request, Map.of(), this::correlate);
    return referralId;
  }

  private Intake take(NewClient client, ReferralRequest request, Start start) {
    referrals.openReferralOf(client.identityCode()).ifPresent(open -> {
      throw new OpenReferralExistsException(open);
    });
    ClientCase clientCase = cases.openCase(new NewCase(client.identityCode(), client.name(), client.email(),
        client.phone(), client.municipality(), Agency.TE, request.referredBy()));
    String caseNumber = clientCase.caseNumber();
    long referralId = referrals.record(clientCase, request, client.unemploymentMonths(), client.clientGoal(),
        client.clientMotivation());
    if (client.consent() != null) {
      // Only a consented referral reaches the sote centre; a returned one leaves it outside the case.
      cases.join(caseNumber, Agency.SOTE);
      giveConsents(caseNumber, client.consent(), request.referredBy());
    }
    Map<String, Object> own = new HashMap<>();
    own.put(TeReferralModel.CLIENT_GOAL, client.clientGoal());
    own.put(ClientLanguage.VARIABLE, ClientLanguage.fromCode(client.language()).code());
    start(caseNumber, referralId, request, own, start);
    return new Intake(caseNumber, referralId);
  }

  private void giveConsents(String caseNumber, Consent consent, String by) {
    LocalDate today = LocalDate.now(clock.withZone(WorkingDays.FINLAND));
    LocalDate until = consent.validUntil() != null ? consent.validUntil() : today.plusYears(1);
    List<ConsentScope> scopes = consent.includesHealth()
        ? List.of(ConsentScope.STATUS, ConsentScope.PLAN, ConsentScope.HEALTH)
        : List.of(ConsentScope.STATUS, ConsentScope.PLAN);
    for (ConsentScope scope : scopes) {
      // Both ways: the referral goes to the sote centre and the plan comes back.
      consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, scope, today, until), by);
      consents.give(caseNumber, new NewConsent(Agency.SOTE, Agency.TE, scope, today, until), by);
    }
  }

  /** The process's variables, the same whichever door: ids, who refers, the criteria the triage reads. */
  private void start(String caseNumber, long referralId, ReferralRequest request, Map<String, Object> own,
      Start start) {
    Map<String, Object> variables = new HashMap<>(request.carried());
    variables.putAll(own);
    variables.putAll(request.criteria().asVariables());
    variables.put(TeReferralModel.REFERRAL_ID, referralId);
    variables.put(TeReferralModel.CASE_NUMBER, caseNumber);
    variables.put(TeReferralModel.REFERRED_BY, request.referredBy());
    variables.put(TeReferralModel.WAY_IN, request.wayIn());
    variables.put(TeReferralModel.REFERRAL_REASON, request.reason());
    variables.put(TeReferralModel.COORDINATOR_QUESTION, request.question());
    variables.put(TeReferralModel.REFERRAL_FROM_AGENCY, request.from().code());
    variables.put(TeReferralModel.REFERRER_GROUP, request.referrer().group());
    variables.put(TeReferralModel.REFERRER_AGENCY, request.referrer().agency().code());
    referrals.attachProcess(referralId, start.begin(caseNumber, variables));
    LOG.info("Case {}: referral {} taken in ({})", caseNumber, referralId, request.wayIn());
  }

  private String correlate(String caseNumber, Map<String, Object> variables) {
    return runtime.createMessageCorrelation(TeReferralModel.MESSAGE_REFERRAL_REQUESTED)
        .processInstanceBusinessKey(caseNumber)
        .setVariables(variables)
        .correlateStartMessage()
        .getId();
  }
}
