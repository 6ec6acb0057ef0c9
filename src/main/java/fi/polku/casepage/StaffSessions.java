package fi.polku.casepage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * Who is logged in to the case pages. A member of staff logs in here, or is already logged in to
 * Tasklist in the same browser: a link from a task then opens the case page without a second login
 * (the webapps keep their login in the same web session).
 */
@Component
class StaffSessions {

  private static final String USER = StaffSessions.class.getName() + ".user";
  private static final String ENGINE = "default";

  private final IdentityService identity;

  StaffSessions(IdentityService identity) {
    this.identity = identity;
  }

  /** The logged-in member of staff, or null. */
  StaffUser user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    if (session.getAttribute(USER) instanceof StaffUser user) {
      return user;
    }
    Authentications webapps = AuthenticationUtil.getAuthsFromSession(session);
    if (webapps != null && webapps.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication tasklist) {
      StaffUser user = staffUser(tasklist.getName(), tasklist.getGroupIds());
      session.setAttribute(USER, user);
      return user;
    }
    return null;
  }

  /** Logs the user in with a new session id (a session fixation cannot carry over). */
  void logIn(HttpServletRequest request, String userId) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    request.getSession(true);
    request.changeSessionId();
    request.getSession().setAttribute(USER, staffUser(userId, groups));
  }

  /** Ends the web session: the case pages' login and Tasklist's alike. */
  void logOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  private StaffUser staffUser(String userId, List<String> groups) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    String fullName = user == null ? userId
        : (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
    return StaffUser.of(userId, fullName.isEmpty() ? userId : fullName, groups == null ? List.of() : groups);
  }
}
