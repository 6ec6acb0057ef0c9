package fi.polku.healthcheck;

import fi.polku.cases.ClientCaseService;
import fi.polku.cases.ClientLanguage;
import fi.polku.cases.PersonalDataVariables;
import fi.polku.cases.PersonalIdentityCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way into path 2. Every door (an invitation round's row through the API, the Tasklist
 * start form, a nurse's walk-in through the same form) calls {@link #take}, in one order:
 * validate → find a recent check or screen → open the case → record the request → start the
 * process (the API) or adopt the instance the start form started (Tasklist, from its first step).
 *
 * <p>The eligibility decision ({@code health-check-eligibility}) is taken here, once per request,
 * and not in the diagram: an invitation round brings thousands of rows, most of them people who
 * are not invited, and a row that is not eligible must open no case, keep nobody's name or
 * identity code and mail no one; it is answered in the round's response. Deciding inside the
 * process would need the case, and the personal data, first. The process reads the answer
 * ({@code eligible}) at its gateway. (docs/processes/health-check-invitation-decisions.md)
 */
@Service
class HealthCheckIntake {

  private static final Logger LOG = LoggerFactory.getLogger(HealthCheckIntake.class);

  private final HealthCheckService checks;
  private final ClientCaseService cases;
  private final DecisionService decisions;
  private final RuntimeService runtimeService;

  HealthCheckIntake(HealthCheckService checks, ClientCaseService cases, DecisionService decisions,
      RuntimeService runtimeService) {
    this.checks = checks;
    this.cases = cases;
    this.decisions = decisions;
    this.runtimeService = runtimeService;
  }

  /** What became of a request. */
  sealed interface Outcome permits Started, NotEligible, Duplicate {}

  /** The case opened and the process started (or adopted); {@code reason} is the screening's. */
  record Started(String caseNumber, long healthCheckId, String reason) implements Outcome {}

  /** Not in the target group: nothing opened. */
  record NotEligible(String reason) implements Outcome {}

  /** Already requested: by an earlier row of the same round (no case) or a check of the last 12 months. */
  record Duplicate(String caseNumber, String reason) implements Outcome {}

  /** The screening's answer: the outputs of health-check-eligibility. */
  record Screening(boolean eligible, String reason, String priority) {}

  /** A way in: what it does before screening, whether it answers at once, and how the process begins. */
  interface Door {

    /** An earlier request of the same client this way in already took, if any. */
    default Optional<Duplicate> earlier(PersonalIdentityCode code) {
      return Optional.empty();
    }

    /**
     * Whether the requester is answered at once (the API's response): then a not-eligible request
     * opens nothing. A start form has started its instance already, and the referrer hears the
     * answer from it (Task_NotifyNotEligible), so the case is opened for it.
     */
    boolean answersAtOnce();

    /** Starts the process for the opened case, or hands the case to the instance that is running. */
    void enter(String caseNumber, Map<String, Object> variables);
  }

  /** Takes one request in through its door. */
  Outcome take(HealthCheckRequest request, Door door) {
    PersonalIdentityCode code = validate(request);
    ClientLanguage language = ClientLanguage.fromCode(request.language());
    Optional<Duplicate> earlier = door.earlier(code);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Screening screening = screen(request);
    if (!screening.eligible() && door.answersAtOnce()) {
      return new NotEligible(screening.reason());
    }
    HealthCheckService.Intake intake = checks.open(new HealthCheckService.NewHealthCheck(code, request.name(),
        request.email(), request.phone(), request.municipality(), request.wayIn(), screening.priority(),
        request.agency(), request.requestedBy()));
    if (request.consent() != null) {
      checks.recordConsent(intake.caseNumber(), request.consent().validUntil(), request.consent().health(),
          request.requestedBy());
    }
    cases.recordLanguage(intake.caseNumber(), language);
    Map<String, Object> variables = new HashMap<>();
    variables.put(HealthCheckModel.HEALTH_CHECK_ID, intake.healthCheckId());
    variables.put(HealthCheckModel.CASE_NUMBER, intake.caseNumber());
    variables.put(HealthCheckModel.REQUESTED_BY, request.requestedBy());
    variables.put(HealthCheckModel.WAY_IN, request.wayIn());
    variables.put(HealthCheckModel.REFERRAL_REASON, request.referralReason());
    variables.put(HealthCheckModel.ELIGIBLE, screening.eligible());
    variables.put(HealthCheckModel.ELIGIBILITY_REASON, screening.reason());
    variables.put(HealthCheckModel.PRIORITY, screening.priority());
    door.enter(intake.caseNumber(), variables);
    LOG.info("Case {}: health check {} taken in ({})", intake.caseNumber(), intake.healthCheckId(), request.wayIn());
    return new Started(intake.caseNumber(), intake.healthCheckId(), screening.reason());
  }

  /**
   * The API's door for one invitation round: a client earlier in the same round, or invited or
   * checked in the last 12 months, is a duplicate (a re-sent row invites nobody twice); the process
   * starts by the message {@link HealthCheckModel#MESSAGE_REQUESTED} with the case number.
   */
  Door round(Set<String> seenInThisRound) {
    return new Door() {
      @Override
      public Optional<Duplicate> earlier(PersonalIdentityCode code) {
        if (!seenInThisRound.add(code.value())) {
          return Optional.of(new Duplicate(null, "the same client appears earlier in this round"));
        }
        return checks.recentCheckOf(code).map(caseNumber -> new Duplicate(caseNumber,
            "invited or checked in the last 12 months"));
      }

      @Override
      public boolean answersAtOnce() {
        return true;
      }

      @Override
      public void enter(String caseNumber, Map<String, Object> variables) {
        runtimeService.createMessageCorrelation(HealthCheckModel.MESSAGE_REQUESTED).processInstanceBusinessKey(caseNumber)
            .setVariables(variables).correlateStartMessage();
      }
    };
  }

  /**
   * The Tasklist door: the start form's instance, from its first step (Task_RegisterHealthCheck).
   * The case number becomes its business key, and the form's fields that now live in our tables
   * (the personal data first) leave the variables.
   */
  void adopt(DelegateExecution execution) {
    take(HealthCheckRequest.fromStartForm(execution), new Door() {
      @Override
      public boolean answersAtOnce() {
        return false;
      }

      @Override
      public void enter(String caseNumber, Map<String, Object> variables) {
        PersonalDataVariables.NAMES.forEach(execution::removeVariable);
        HealthCheckRequest.FORM_FIELDS.forEach(execution::removeVariable);
        execution.setProcessBusinessKey(caseNumber);
        execution.setVariables(variables);
      }
    });
  }

  /** The fields every way in needs; a mistake is named by its field, never by its value. */
  private static PersonalIdentityCode validate(HealthCheckRequest request) {
    if (request.identityCode() == null || request.identityCode().isBlank()) {
      throw new InvalidHealthCheckRequestException("identityCode: required");
    }
    PersonalIdentityCode code = PersonalIdentityCode.parse(request.identityCode());
    for (String[] required : new String[][] {{"name", request.name()}, {"municipality", request.municipality()}}) {
      if (required[1] == null || required[1].isBlank()) {
        throw new InvalidHealthCheckRequestException(required[0] + ": required");
      }
    }
    // A cell starting like a spreadsheet formula (=, +, -, @) is no name, address or municipality: refused so
    // that it never reaches a CSV someone opens in Excel (formula injection; HostileInputIT, issue 20).
    String phone = request.phone() == null || request.phone().matches("\\+[0-9 ()-]*") ? null : request.phone();
    String[][] texts = {{"name", request.name()}, {"email", request.email()}, {"municipality", request.municipality()},
        {"phone", phone}};
    for (String[] text : texts) {
      if (text[1] != null && !text[1].isEmpty() && "=+-@\t\r".indexOf(text[1].charAt(0)) >= 0) {
        throw new InvalidHealthCheckRequestException(text[0] + ": must not start with =, +, -, @ (a spreadsheet formula)");
      }
    }
    return code;
  }

  private Screening screen(HealthCheckRequest request) {
    Map<String, Object> input = new HashMap<>();
    input.put("unemployed", request.unemployed());
    input.put("coveredByOccupationalHealth", request.coveredByOccupationalHealth());
    input.put("monthsSinceLastHealthCheck", request.monthsSinceLastHealthCheck());
    input.put("unemploymentMonths", request.unemploymentMonths());
    Map<String, Object> result = decisions.evaluateDecisionByKey(HealthCheckModel.DECISION_ELIGIBILITY)
        .variables(input).evaluate().getSingleResult().getEntryMap();
    return new Screening(Boolean.TRUE.equals(result.get("eligible")), (String) result.get("eligibilityReason"),
        (String) result.get("priority"));
  }
}
