package fi.polku.api;

import fi.polku.cases.Agency;
import fi.polku.security.StaffGroup;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling the API: a staff member or another agency's system, and the agency on whose
 * behalf it calls. Controllers take it as a parameter.
 *
 * @param agency the caller's agency, empty for an administrator outside every agency
 */
public record Caller(String userId, List<String> groups, Optional<Agency> agency, boolean admin) {

  /** The caller of the groups: the first staff group's agency, else the system group's. */
  public static Caller of(String userId, List<String> groups) {
    Optional<Agency> agency = groups.stream().map(StaffGroup::ofId).flatMap(Optional::stream)
        .map(StaffGroup::agency).findFirst();
    if (agency.isEmpty()) {
      agency = groups.stream().filter(group -> group.startsWith(StaffGroup.SYSTEM_GROUP_PREFIX))
          .map(group -> group.substring(StaffGroup.SYSTEM_GROUP_PREFIX.length()))
          .map(Caller::agencyOrNull).filter(java.util.Objects::nonNull).findFirst();
    }
    return new Caller(userId, List.copyOf(groups), agency, groups.contains(StaffGroup.ADMIN_GROUP));
  }

  /** The agency, or 403 for a caller that acts for none. */
  public Agency requireAgency() {
    return agency.orElseThrow(() -> new ForbiddenException("the user belongs to no agency's group"));
  }

  private static Agency agencyOrNull(String code) {
    try {
      return Agency.fromCode(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
