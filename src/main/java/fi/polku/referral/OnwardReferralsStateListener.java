package fi.polku.referral;

import fi.polku.calendar.WorkingDays;
import fi.polku.onward.OnwardReferral;
import fi.polku.onward.OnwardReferrals;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Shows the follow-up at 3 and 6 months where the path's onward referrals stand (the mapping's
 * follow-on paths, specialist care's if a red flag sent the client there, and any that replaced
 * one): each service with its Finnish status. Only states, no content; a task-local value, so
 * nothing more is kept in the referral's variables.
 */
@Component("onwardReferralsStateListener")
class OnwardReferralsStateListener implements TaskListener {

  static final String NONE = "Kartoituksen jatkopoluista ei tehty jatko-ohjauksia.";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy").withZone(WorkingDays.FINLAND);

  private final OnwardReferrals onward;

  OnwardReferralsStateListener(OnwardReferrals onward) {
    this.onward = onward;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(TeReferralModel.ONWARD_REFERRALS_STATE, describe(task.getExecution().getProcessBusinessKey(),
        ids(task.getVariable(TeReferralModel.MAPPING_ONWARD_REFERRAL_IDS),
            task.getVariable(TeReferralModel.SPECIALIST_CARE_REFERRAL_ID))));
  }

  /** One line per onward referral: the service and where it stands. */
  String describe(String caseNumber, Set<Long> ids) {
    List<String> lines = new ArrayList<>();
    for (OnwardReferral referral : onward.ofCase(caseNumber)) {
      // A referral the sender sent elsewhere is followed by the one that replaced it.
      if (ids.contains(referral.id()) || (referral.replacesId() != null && ids.contains(referral.replacesId()))) {
        ids.add(referral.id());
        StringBuilder line = new StringBuilder("• ").append(referral.service().finnishName()).append(": ")
            .append(referral.status().finnishName());
        if (referral.firstAppointmentAt() != null && referral.status().code().equals("accepted")) {
          line.append(" (ensimmäinen käynti ").append(DAY.format(referral.firstAppointmentAt())).append(")");
        }
        if (referral.unaccountedSince() != null) {
          line.append(" – odottaa lähettäjän päätöstä");
        } else if (referral.consentAtCrossing() != null && !referral.consentAtCrossing()
            && referral.status().code().equals("requested")) {
          line.append(" – ei lähetetty: suostumus puuttuu");
        }
        lines.add(line.toString());
      }
    }
    return lines.isEmpty() ? NONE : String.join("\n", lines);
  }

  private static Set<Long> ids(Object mapping, Object specialistCare) {
    Set<Long> ids = new LinkedHashSet<>();
    if (specialistCare instanceof Number number) {
      ids.add(number.longValue());
    }
    if (mapping != null) {
      for (String id : String.valueOf(mapping).split(",")) {
        if (!id.isBlank()) {
          ids.add(Long.parseLong(id.trim()));
        }
      }
    }
    return ids;
  }
}
