package fi.polku.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who exists at start.
 *
 * @param demoUsers create the demo users (password "demo"); only the embedded default and the
 *     demo profile set this
 * @param admin the administrator created at start, from ADMIN_USER and ADMIN_PASSWORD in the
 *     postgres profile
 * @param systemUsers password of the technical user {@code <agency>-system} of each agency whose
 *     system calls the API (SYSTEM_TE_PASSWORD...); an agency without a password gets no user
 */
@ConfigurationProperties(prefix = "polku")
public record PolkuSecurityProperties(boolean demoUsers, Admin admin, Map<String, String> systemUsers) {

  /** Password of every demo user. */
  public static final String DEMO_PASSWORD = "demo";

  /** The user id of an agency's system, member of group {@code system-<agency>}. */
  public static String systemUserId(String agencyCode) {
    return agencyCode + "-system";
  }

  /** The administrator account; absent on the embedded default, where "admin" is a demo user. */
  public record Admin(String user, String password) {}
}
