package fi.polku.security;

import fi.polku.cases.Agency;
import java.util.Arrays;
import java.util.List;

/**
 * The Camunda groups of the people who work in Polku (service-paths.md, "The people and their
 * groups"), with the Finnish names staff see and the one demo user each group has on the
 * embedded default.
 */
public enum StaffGroup {
  TE_COORDINATOR(
      Agency.TE, "te-coordinator", "Työkykykoordinaattorit", "Työkykykoordinaattorin tehtävät",
      "koordinaattori", "Kaisa", "Koordinaattori"),
  SOTE_COUNSELLOR(
      Agency.SOTE, "sote-counsellor", "Palveluohjaajat", "Palveluohjaajan tehtävät",
      "palveluohjaaja", "Pia", "Palveluohjaaja"),
  WORK_ABILITY_TEAM(
      Agency.SOTE, "work-ability-team", "Työkyvyn tuen tiimi", "Työkyvyn tuen tiimin tehtävät",
      "tiimi", "Tiina", "Tiimi"),
  HEALTH_CHECK_NURSE(
      Agency.SOTE, "health-check-nurse", "Terveystarkastusten terveydenhoitajat", "Terveydenhoitajan tehtävät",
      "terveydenhoitaja", "Terhi", "Terveydenhoitaja"),
  OH_PROFESSIONAL(
      Agency.OH, "oh-professional", "Työterveyshuollon ammattilaiset", "Työterveyshuollon tehtävät",
      "tyoterveys", "Tuula", "Työterveys"),
  // Receives onward referrals to specialist care in Tasklist (docs/processes/onward-referral.md).
  SPECIALIST_CARE(
      Agency.ESH, "specialist-care", "Erikoissairaanhoito", "Erikoissairaanhoidon tehtävät",
      "erikoissairaanhoito", "Eila", "Erikoissairaanhoito"),
  // Quality-criteria job coaching (IPS) at the sote centre: receives onward referrals to supported
  // employment and runs its path (docs/processes/supported-employment.md).
  JOB_COACH(
      Agency.SOTE, "job-coach", "Työhönvalmentajat", "Työhönvalmentajan tehtävät",
      "valmentaja", "Vilja", "Valmentaja"),
  // Escalations of the sote centre's SLAs (service-paths.md, path 1) go to its team lead.
  TEAM_LEAD(
      Agency.SOTE, "team-lead", "Esihenkilöt", "Esihenkilön tehtävät",
      "esihenkilo", "Eero", "Esihenkilö");

  /** The administrators' group: may do everything (a Camunda admin group). */
  public static final String ADMIN_GROUP = "polku-admin";

  /** Prefix of the groups of other agencies' systems: {@code system-te}, {@code system-kela}... */
  public static final String SYSTEM_GROUP_PREFIX = "system-";

  private final Agency agency;
  private final String id;
  private final String groupName;
  private final String filterName;
  private final String demoUser;
  private final String demoFirstName;
  private final String demoLastName;

  StaffGroup(
      Agency agency,
      String id,
      String groupName,
      String filterName,
      String demoUser,
      String demoFirstName,
      String demoLastName) {
    this.agency = agency;
    this.id = id;
    this.groupName = groupName;
    this.filterName = filterName;
    this.demoUser = demoUser;
    this.demoFirstName = demoFirstName;
    this.demoLastName = demoLastName;
  }

  public String id() {
    return id;
  }

  /** The agency the group's members work for. */
  public Agency agency() {
    return agency;
  }

  /** Finnish group name shown in Admin. */
  public String groupName() {
    return groupName;
  }

  /** Finnish name of the Tasklist filter made for this group. */
  public String filterName() {
    return filterName;
  }

  public String demoUser() {
    return demoUser;
  }

  String demoFirstName() {
    return demoFirstName;
  }

  String demoLastName() {
    return demoLastName;
  }

  /** The group of the id, if it is a staff group. */
  public static java.util.Optional<StaffGroup> ofId(String id) {
    return Arrays.stream(values()).filter(group -> group.id.equals(id)).findFirst();
  }

  /** Every staff group id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(StaffGroup::id).toList();
  }
}
