package fi.polku.referral;

import fi.polku.cases.Agency;
import fi.polku.cases.PersonalDataVariables;
import fi.polku.cases.PersonalIdentityCode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Intake of a referral made from the Tasklist start form: opens the case, records the referral and
 * the consent, makes the case number the business key, and removes the personal data from the
 * variables (they live encrypted or in our tables; the history filter keeps them out of history).
 * A referral that came through the API was taken in before the process started.
 */
@Component("registerReferralDelegate")
class RegisterReferralDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterReferralDelegate.class);

  private final ReferralService referrals;

  RegisterReferralDelegate(ReferralService referrals) {
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // Who the referral comes from decides which consents it needs (a health check's referral stays
    // inside the sote centre) and who reviews the plan; employment services unless a path said otherwise.
    boolean fromHealthCheck = "health-check".equals(execution.getVariable(TeReferralModel.WAY_IN));
    execution.setVariable(TeReferralModel.REFERRAL_FROM_AGENCY, fromHealthCheck ? Agency.SOTE.code() : Agency.TE.code());
    if (!execution.hasVariable(TeReferralModel.REFERRER_GROUP)) {
      execution.setVariable(TeReferralModel.REFERRER_GROUP, "te-coordinator");
      execution.setVariable(TeReferralModel.REFERRER_AGENCY, Agency.TE.code());
    }
    if (execution.hasVariable(TeReferralModel.REFERRAL_ID)) {
      referrals.attachProcess((Long) execution.getVariable(TeReferralModel.REFERRAL_ID), execution.getProcessInstanceId());
      return;
    }
    Map<String, Boolean> criteria = new LinkedHashMap<>();
    for (String criterion : ReferralService.CRITERIA) {
      criteria.put(criterion, Boolean.TRUE.equals(execution.getVariable(criterion)));
    }
    String referredBy = (String) execution.getVariable(TeReferralModel.REFERRED_BY);
    if (!execution.hasVariable("identityCode") && execution.getProcessBusinessKey() != null) {
      // Sent by another path's message for an open case: the case and the consent exist already.
      long referralId = referrals.openForCase(execution.getProcessBusinessKey(), criteria,
          text(execution, "referralReason"), text(execution, "coordinatorQuestion"), referredBy,
          execution.hasVariable(TeReferralModel.WAY_IN) ? text(execution, TeReferralModel.WAY_IN) : "other-path");
      execution.setVariable(TeReferralModel.CASE_NUMBER, execution.getProcessBusinessKey());
      execution.setVariable(TeReferralModel.REFERRAL_ID, referralId);
      referrals.attachProcess(referralId, execution.getProcessInstanceId());
      LOG.info("Case {}: referral {} taken in from another path", execution.getProcessBusinessKey(), referralId);
      return;
    }
    ReferralService.Intake intake = referrals.open(new ReferralService.NewReferral(
        PersonalIdentityCode.parse((String) execution.getVariable("identityCode")),
        text(execution, "clientName"), text(execution, "clientEmail"), text(execution, "clientPhone"),
        text(execution, "municipality"), number(execution.getVariable("unemploymentMonths")), criteria,
        text(execution, "referralReason"), text(execution, "coordinatorQuestion"), text(execution, "clientGoal"),
        text(execution, "clientMotivation"), Boolean.TRUE.equals(execution.getVariable("consentGiven")),
        Boolean.TRUE.equals(execution.getVariable("consentHealth")), date(execution.getVariable("consentValidUntil"))),
        Agency.TE, referredBy == null ? "tasklist" : referredBy, "tasklist");
    PersonalDataVariables.NAMES.forEach(execution::removeVariable);
    execution.setProcessBusinessKey(intake.caseNumber());
    execution.setVariable(TeReferralModel.CASE_NUMBER, intake.caseNumber());
    execution.setVariable(TeReferralModel.REFERRAL_ID, intake.referralId());
    referrals.attachProcess(intake.referralId(), execution.getProcessInstanceId());
    LOG.info("Case {}: referral {} taken in from Tasklist", intake.caseNumber(), intake.referralId());
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static Integer number(Object value) {
    return value instanceof Number number ? number.intValue() : value == null ? null : Integer.valueOf(value.toString());
  }

  private static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof java.util.Date date) {
      return date.toInstant().atZone(java.time.ZoneId.of("Europe/Helsinki")).toLocalDate();
    }
    String text = value.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
