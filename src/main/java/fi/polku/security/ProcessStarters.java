package fi.polku.security;

import java.util.List;
import java.util.Map;

/**
 * Which staff groups may start which process (by process key). A group may start only the
 * processes it owns in service-paths.md; Tasklist's "Käynnistä prosessi" lists just those.
 */
final class ProcessStarters {

  static final Map<String, List<StaffGroup>> BY_PROCESS_KEY =
      Map.of(
          "te-referral", List.of(StaffGroup.TE_COORDINATOR),
          "health-check-invitation", List.of(StaffGroup.TE_COORDINATOR, StaffGroup.HEALTH_CHECK_NURSE),
          "oh-handover", List.of(StaffGroup.OH_PROFESSIONAL),
          // Whoever works with a client may refer the client onward (docs/processes/onward-referral.md).
          "onward-referral", List.of(StaffGroup.TE_COORDINATOR, StaffGroup.SOTE_COUNSELLOR,
              StaffGroup.WORK_ABILITY_TEAM, StaffGroup.HEALTH_CHECK_NURSE, StaffGroup.OH_PROFESSIONAL,
              StaffGroup.JOB_COACH),
          // A self-referral at the sote centre (docs/processes/supported-employment.md).
          "supported-employment", List.of(StaffGroup.JOB_COACH));

  private ProcessStarters() {}
}
