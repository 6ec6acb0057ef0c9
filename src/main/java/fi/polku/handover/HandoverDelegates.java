package fi.polku.handover;

import fi.polku.cases.Agency;
import fi.polku.cases.ClientCaseService;
import fi.polku.cases.PersonalDataVariables;
import fi.polku.cases.PersonalIdentityCode;
import fi.polku.cases.WorkAbilityMeasurements;
import fi.polku.consent.ConsentScope;
import fi.polku.consent.ConsentService;
import fi.polku.consent.NewConsent;
import fi.polku.notify.ClientNotices;
import fi.polku.onward.OnwardReferrals;
import fi.polku.onward.OnwardService;
import fi.polku.security.StaffGroup;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The automatic steps of path 3, each one bean with one job (named as in oh-handover.bpmn). */
@Configuration
@EnableConfigurationProperties(HandoverProperties.class)
class HandoverDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(HandoverDelegates.class);

  /** Intake from the start form: case, hand-over record, business key; personal data leaves the variables. */
  @Bean
  JavaDelegate registerHandoverDelegate(HandoverService handovers) {
    return execution -> {
      if (execution.hasVariable(OhHandoverModel.HANDOVER_ID)) {
        return;
      }
      String startedBy = text(execution, OhHandoverModel.STARTED_BY);
      HandoverService.Intake intake = handovers.open(new HandoverService.NewHandover(
          PersonalIdentityCode.parse(text(execution, "identityCode")), text(execution, "clientName"),
          text(execution, "clientEmail"), text(execution, "clientPhone"), text(execution, "municipality"),
          text(execution, "providerName"), text(execution, "employerName"),
          LocalDate.parse(text(execution, OhHandoverModel.EMPLOYMENT_END_DATE).substring(0, 10))),
          startedBy == null ? "tasklist" : startedBy);
      PersonalDataVariables.NAMES.forEach(execution::removeVariable);
      execution.setProcessBusinessKey(intake.caseNumber());
      execution.setVariable(OhHandoverModel.CASE_NUMBER, intake.caseNumber());
      execution.setVariable(OhHandoverModel.HANDOVER_ID, intake.handoverId());
      LOG.info("Case {}: occupational-health hand-over {} taken in", intake.caseNumber(), intake.handoverId());
    };
  }

  /** Screens the client with the oh-handover-screening decision. */
  @Bean
  JavaDelegate handoverScreeningDelegate(DecisionService decisions, HandoverService handovers) {
    return execution -> {
      Map<String, Object> result = decisions.evaluateDecisionByKey("oh-handover-screening")
          .variables(execution.getVariables()).evaluate().getSingleResult().getEntryMap();
      boolean inTargetGroup = Boolean.TRUE.equals(result.get(OhHandoverModel.IN_TARGET_GROUP));
      execution.setVariable(OhHandoverModel.IN_TARGET_GROUP, inTargetGroup);
      execution.setVariable(OhHandoverModel.SCREENING_REASON, result.get(OhHandoverModel.SCREENING_REASON));
      handovers.recordScreening((Long) execution.getVariable(OhHandoverModel.HANDOVER_ID), inTargetGroup);
    };
  }

  /** Books the two parts of the extended health check to their payers; a Kykyviisari score becomes a measurement. */
  @Bean
  JavaDelegate recordBillingDelegate(HandoverService handovers, WorkAbilityMeasurements measurements) {
    return execution -> {
      handovers.recordBilling(execution.getProcessBusinessKey(),
          number(execution.getVariable("statutoryMinutes")), number(execution.getVariable("pilotMinutes")));
      measurements.recordFrom(execution, "kykyviisariScore", WorkAbilityMeasurements.Instrument.KYKYVIISARI);
    };
  }

  /**
   * Drafts the rehabilitation-need notice to the pension provider or Kela, after the consent
   * question, and works out the warning about the pension provider's vocational rehabilitation
   * right for the form where the professional chooses the receiver. Nothing leaves here: the notice
   * becomes an onward referral, whose consent check at the crossing decides what is sent.
   */
  @Bean
  JavaDelegate rehabilitationLetterDelegate(HandoverService handovers, PensionRehabilitationRight pensionRight,
      Clock clock) {
    return execution -> {
      execution.setVariable(OhHandoverModel.REHABILITATION_LETTER, String.join("\n",
          "Ilmoitus kuntoutustarpeesta", "",
          "Asia: " + execution.getProcessBusinessKey(),
          handovers.summary(execution.getProcessBusinessKey()), "",
          "Laajennetussa terveystarkastuksessa on todettu ammatillisen tai lääkinnällisen kuntoutuksen tarve.",
          "Pyydämme arvioimaan kuntoutusmahdollisuudet yhdessä asiakkaan ja työterveyshuollon kanssa.",
          "Lisätiedot työterveyshuollosta asiakkaan suostumuksella."));
      PensionRehabilitationRight.Warning warning = pensionRight.warning(
          LocalDate.parse(text(execution, OhHandoverModel.EMPLOYMENT_END_DATE).substring(0, 10)),
          LocalDate.now(clock.withZone(fi.polku.calendar.WorkingDays.FINLAND)));
      execution.setVariable(OhHandoverModel.PENSION_RIGHT_LAPSES_ON, warning.lapsesOn().toString());
      execution.setVariable(OhHandoverModel.PENSION_RIGHT_WARNING, warning.text());
    };
  }

  /**
   * The rehabilitation-need notice as an onward referral to the service the professional chose
   * (the pension provider's or Kela's), the occupational-health professionals responsible and the
   * one who chose as the worker, carrying health content. The client's consent to that receiver,
   * when given in the form, is recorded first (both ways, so the receiver's feedback can return);
   * the onward referral checks it at the crossing, and without it nothing is sent.
   */
  @Bean
  JavaDelegate referRehabilitationDelegate(OnwardReferrals referrals, ConsentService consents, HistoryService history,
      Clock clock) {
    return execution -> {
      String caseNumber = execution.getProcessBusinessKey();
      OnwardService service = OnwardService.fromCode(text(execution, OhHandoverModel.REHABILITATION_SERVICE));
      String professional = completedBy(history, execution.getProcessInstanceId(),
          OhHandoverModel.TASK_SEND_REHABILITATION_NOTICE);
      if (Boolean.TRUE.equals(execution.getVariable(OhHandoverModel.REHABILITATION_CONSENT_GIVEN))) {
        LocalDate today = LocalDate.now(clock.withZone(fi.polku.calendar.WorkingDays.FINLAND));
        Object until = execution.getVariable("rehabilitationConsentValidUntil");
        LocalDate validUntil = until == null ? today.plusYears(1) : LocalDate.parse(until.toString().substring(0, 10));
        for (ConsentScope scope : List.of(ConsentScope.STATUS, ConsentScope.PLAN, ConsentScope.HEALTH)) {
          consents.give(caseNumber, new NewConsent(Agency.OH, service.agency(), scope, today, validUntil),
              professional == null ? "process" : professional);
          consents.give(caseNumber, new NewConsent(service.agency(), Agency.OH, scope, today, validUntil),
              professional == null ? "process" : professional);
        }
      }
      String reason = text(execution, OhHandoverModel.REHABILITATION_LETTER);
      if (service == OnwardService.PENSION_VOCATIONAL_REHABILITATION) {
        reason = reason + "\n\n" + text(execution, OhHandoverModel.PENSION_RIGHT_WARNING);
      }
      referrals.request(new OnwardReferrals.OnwardRequest(caseNumber, Agency.OH, StaffGroup.OH_PROFESSIONAL.id(),
          professional, service, reason.length() <= 2000 ? reason : reason.substring(0, 2000), ConsentScope.HEALTH,
          OhHandoverModel.PROCESS_KEY));
    };
  }

  /** Who completed the path's task of that step (Tasklist or REST), or null when no user is known. */
  private static String completedBy(HistoryService history, String processInstanceId, String taskKey) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .finished().orderByHistoricTaskInstanceEndTime().desc().list().stream().findFirst()
        .flatMap(task -> history.createUserOperationLogQuery().taskId(task.getId())
            .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream().findFirst())
        .map(UserOperationLogEntry::getUserId).orElse(null);
  }

  /** Records the client's consent to the hand-over (oh → te) in the consent register. */
  @Bean
  JavaDelegate recordHandoverConsentDelegate(ConsentService consents, Clock clock) {
    return execution -> {
      if (!Boolean.TRUE.equals(execution.getVariable("consentGiven"))) {
        return;
      }
      LocalDate today = LocalDate.now(clock.withZone(fi.polku.calendar.WorkingDays.FINLAND));
      Object until = execution.getVariable("consentValidUntil");
      LocalDate validUntil = until == null ? today.plusYears(1) : LocalDate.parse(until.toString().substring(0, 10));
      List<ConsentScope> scopes = Boolean.TRUE.equals(execution.getVariable("consentIncludesHealth"))
          ? List.of(ConsentScope.STATUS, ConsentScope.PLAN, ConsentScope.HEALTH)
          : List.of(ConsentScope.STATUS, ConsentScope.PLAN);
      String by = text(execution, OhHandoverModel.STARTED_BY);
      scopes.forEach(scope -> consents.give(execution.getProcessBusinessKey(),
          new NewConsent(Agency.OH, Agency.TE, scope, today, validUntil), by == null ? "tasklist" : by));
    };
  }

  /**
   * Puts the hand-over summary where the coordinator's task shows it — only on the consented
   * branch, so nothing crosses to employment services without consent.
   */
  @Bean
  JavaDelegate handoverSummaryDelegate(HandoverService handovers, ConsentService consents) {
    return execution -> {
      String caseNumber = execution.getProcessBusinessKey();
      // The check's content is health information: it goes with the summary only under a health-scope consent.
      boolean health = consents.allows(caseNumber, Agency.OH, Agency.TE, ConsentScope.HEALTH,
          "process:" + OhHandoverModel.PROCESS_KEY + "/" + execution.getCurrentActivityId(),
          "hand-over summary with the extended check's findings");
      HandoverService.CheckContent check = new HandoverService.CheckContent(text(execution, "findings"),
          Boolean.TRUE.equals(execution.getVariable(OhHandoverModel.REHABILITATION_NEED)),
          text(execution, "healthPlan"));
      execution.setVariable("handoverSummary", handovers.summary(caseNumber, health ? check : null));
    };
  }

  /**
   * Records the corrected expected end of employment that came with the message; the path then
   * waits again, and the grace-period timer counts from the new date.
   */
  @Bean
  JavaDelegate recordNewEndDateDelegate(HandoverService handovers) {
    return execution -> handovers.correctEndDate(execution.getProcessBusinessKey(),
        LocalDate.parse(text(execution, OhHandoverModel.EMPLOYMENT_END_DATE).substring(0, 10)));
  }

  /** Sends the client the guidance material for a person becoming unemployed (always, consent or not). */
  @Bean
  JavaDelegate guidanceDelegate(ClientNotices clients) {
    return execution -> clients.tell(execution, "handover-guidance",
        Map.of("caseNumber", execution.getProcessBusinessKey()), null);
  }

  /** Records the coordinator's take-over; with the client's consent, also te ↔ sote for a referral. */
  @Bean
  JavaDelegate recordTakeOverDelegate(HandoverService handovers, ConsentService consents, ClientCaseService cases,
      Clock clock, HistoryService history) {
    return execution -> {
      String caseNumber = execution.getProcessBusinessKey();
      // Who completed the take-over (Tasklist or REST): the coordinator who refers onwards, if needed.
      history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(OhHandoverModel.TASK_TAKE_OVER).finished().list().stream().findFirst()
          .flatMap(task -> history.createUserOperationLogQuery().taskId(task.getId())
              .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream().findFirst())
          .ifPresent(entry -> execution.setVariable("takenOverBy", entry.getUserId()));
      cases.join(caseNumber, Agency.TE);
      handovers.recordTakeOver(caseNumber, text(execution, "caseManager"), text(execution, OhHandoverModel.FOLLOW_ON_PATH),
          execution.getVariable("clientExperience") == null ? null : number(execution.getVariable("clientExperience")));
      if ("sote-team".equals(execution.getVariable(OhHandoverModel.FOLLOW_ON_PATH))
          && Boolean.TRUE.equals(execution.getVariable("soteConsentGiven"))) {
        LocalDate today = LocalDate.now(clock.withZone(fi.polku.calendar.WorkingDays.FINLAND));
        for (ConsentScope scope : List.of(ConsentScope.STATUS, ConsentScope.PLAN)) {
          consents.give(caseNumber, new NewConsent(Agency.TE, Agency.SOTE, scope, today, today.plusYears(1)), "process");
          consents.give(caseNumber, new NewConsent(Agency.SOTE, Agency.TE, scope, today, today.plusYears(1)), "process");
        }
      }
    };
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static int number(Object value) {
    return value instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(value));
  }
}
