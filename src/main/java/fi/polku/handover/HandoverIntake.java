package fi.polku.handover;

import fi.polku.api.InvalidParameterException;
import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.ClientLanguage;
import fi.polku.cases.NewCase;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.cases.ProcessValues;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door of path 3 (docs/processes/oh-handover.md, "Polun ovet"). The provider's system
 * ({@code POST /api/oh-handovers}) and the professional's start form in Tasklist both come here and
 * are taken in one order: check the request, open the client's case, record the hand-over, then
 * start the process for the case — or, for the start form, which has already started an instance,
 * make that instance the case's from its first step. Either way the process then holds the same
 * few variables, and the client's personal data only our tables.
 */
@Service
class HandoverIntake {

  /** Who started a hand-over in Tasklist when no user was logged in (as the engine's Java API allows). */
  static final String TASKLIST = "tasklist";

  private static final Logger LOG = LoggerFactory.getLogger(HandoverIntake.class);

  private final ClientCaseService cases;
  private final HandoverService handovers;
  private final RuntimeService runtimeService;
  private final Validator validator;

  HandoverIntake(ClientCaseService cases, HandoverService handovers, RuntimeService runtimeService, Validator validator) {
    this.cases = cases;
    this.handovers = handovers;
    this.runtimeService = runtimeService;
    this.validator = validator;
  }

  /** What the intake made: the case and its hand-over record. */
  record Intake(String caseNumber, long handoverId) {}

  /** The provider's system's way in: takes the request in and starts oh-handover for the new case. */
  @Transactional
  String request(HandoverRequest request, String startedBy) {
    Intake intake = take(request, startedBy);
    runtimeService.createMessageCorrelation(OhHandoverModel.MESSAGE_HANDOVER_REQUESTED)
        .processInstanceBusinessKey(intake.caseNumber()).setVariables(variables(request, intake, startedBy))
        .correlateStartMessage();
    return intake.caseNumber();
  }

  /** The start form's way in, from the instance's first step: takes the form in and makes the instance the case's. */
  void adopt(DelegateExecution execution) {
    String initiator = ProcessValues.text(execution, OhHandoverModel.STARTED_BY);
    String startedBy = initiator == null ? TASKLIST : initiator;
    HandoverRequest request = HandoverRequest.fromStartForm(execution);
    Intake intake = take(request, startedBy);
    HandoverRequest.START_FORM_FIELDS.forEach(execution::removeVariable);
    execution.setProcessBusinessKey(intake.caseNumber());
    execution.setVariables(variables(request, intake, startedBy));
  }

  private Intake take(HandoverRequest request, String startedBy) {
    validator.validate(request).stream().min(Comparator.comparing(problem -> problem.getPropertyPath().toString()))
        .ifPresent(HandoverIntake::refuse);
    PersonalIdentityCode identityCode = PersonalIdentityCode.parse(request.identityCode());
    String caseNumber = cases.openCase(new NewCase(identityCode, request.name(), request.email(), request.phone(),
        request.municipality(), Agency.OH, startedBy, ClientLanguage.fromCode(request.language()))).caseNumber();
    long handoverId = handovers.record(caseNumber, request.provider(), request.employer(),
        request.employmentEndDate(), startedBy);
    LOG.info("Case {}: occupational-health hand-over {} taken in", caseNumber, handoverId);
    return new Intake(caseNumber, handoverId);
  }

  /** The variables every instance of oh-handover starts with, whichever way it came in. */
  private static VariableMap variables(HandoverRequest request, Intake intake, String startedBy) {
    return Variables.createVariables()
        .putValue(OhHandoverModel.CASE_NUMBER, intake.caseNumber())
        .putValue(OhHandoverModel.HANDOVER_ID, intake.handoverId())
        .putValue(OhHandoverModel.STARTED_BY, startedBy)
        .putValue(OhHandoverModel.EMPLOYMENT_END_DATE, request.employmentEndDate().toString())
        .putValue(OhHandoverModel.CHANGE_SECURITY, request.changeSecurity())
        .putValue(OhHandoverModel.PARTIAL_WORK_ABILITY, request.partialWorkAbility())
        .putValue(OhHandoverModel.THREAT_OF_UNEMPLOYMENT, request.threatOfUnemployment());
  }

  /** The field and the rule it broke, never the value. */
  private static void refuse(ConstraintViolation<HandoverRequest> problem) {
    throw new InvalidParameterException(problem.getPropertyPath().toString(), problem.getMessage());
  }
}
