package fi.polku.security;

import java.util.Arrays;
import java.util.List;

/**
 * The Camunda groups of the people who work in Polku (service-paths.md, "The people and their
 * groups"), with the Finnish names staff see and the one demo user each group has on the
 * embedded default.
 */
public enum StaffGroup {
  TE_COORDINATOR(
      "te-coordinator", "Työkykykoordinaattorit", "Työkykykoordinaattorin tehtävät",
      "koordinaattori", "Kaisa", "Koordinaattori"),
  SOTE_COUNSELLOR(
      "sote-counsellor", "Palveluohjaajat", "Palveluohjaajan tehtävät",
      "palveluohjaaja", "Pia", "Palveluohjaaja"),
  WORK_ABILITY_TEAM(
      "work-ability-team", "Työkyvyn tuen tiimi", "Työkyvyn tuen tiimin tehtävät",
      "tiimi", "Tiina", "Tiimi"),
  HEALTH_CHECK_NURSE(
      "health-check-nurse", "Terveystarkastusten terveydenhoitajat", "Terveydenhoitajan tehtävät",
      "terveydenhoitaja", "Terhi", "Terveydenhoitaja"),
  OH_PROFESSIONAL(
      "oh-professional", "Työterveyshuollon ammattilaiset", "Työterveyshuollon tehtävät",
      "tyoterveys", "Tuula", "Työterveys"),
  TEAM_LEAD(
      "team-lead", "Esihenkilöt", "Esihenkilön tehtävät",
      "esihenkilo", "Eero", "Esihenkilö");

  /** The administrators' group: may do everything (a Camunda admin group). */
  public static final String ADMIN_GROUP = "polku-admin";

  private final String id;
  private final String groupName;
  private final String filterName;
  private final String demoUser;
  private final String demoFirstName;
  private final String demoLastName;

  StaffGroup(
      String id,
      String groupName,
      String filterName,
      String demoUser,
      String demoFirstName,
      String demoLastName) {
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

  /** Every staff group id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(StaffGroup::id).toList();
  }
}
