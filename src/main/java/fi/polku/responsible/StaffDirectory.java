package fi.polku.responsible;

import fi.polku.security.StaffGroup;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The Polku users who may be responsible for a case: members of the staff groups, with the name
 * and the work contact details of their user (e-mail, and the user info {@value #PHONE}).
 */
@Component
class StaffDirectory {

  /** The user info key of a worker's work phone number. */
  static final String PHONE = "phone";

  private final IdentityService identity;

  StaffDirectory(IdentityService identity) {
    this.identity = identity;
  }

  /** A member of staff as a client or a colleague sees them. */
  record Person(String userId, String name, String email, String phone) {

    /** How a select labels the person: the name, and the user id that tells two namesakes apart. */
    String label() {
      return name.equals(userId) ? userId : name + " (" + userId + ")";
    }
  }

  /** The person, if the user exists and belongs to a staff group (never a system account). */
  Optional<Person> staff(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null || identity.createGroupQuery().groupMember(userId).groupIdIn(StaffGroup.ids().toArray(String[]::new))
        .count() == 0) {
      return Optional.empty();
    }
    return Optional.of(person(user));
  }

  /** The name of any user, the user id when it has none. */
  String name(String userId) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    return user == null ? Objects.toString(userId, "") : person(user).name();
  }

  /** The members of the groups, by name, each once. */
  List<Person> members(Collection<String> groupIds) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (String group : groupIds) {
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        people.putIfAbsent(user.getId(), person(user));
      }
    }
    return people.values().stream().sorted(Comparator.comparing(Person::name).thenComparing(Person::userId)).toList();
  }

  /** Whether the user is in the group. */
  boolean isMember(String userId, String groupId) {
    return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  private Person person(User user) {
    String name = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
    String phone = identity.getUserInfo(user.getId(), PHONE);
    return new Person(user.getId(), name.isEmpty() ? user.getId() : name, blankToNull(user.getEmail()), blankToNull(phone));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
