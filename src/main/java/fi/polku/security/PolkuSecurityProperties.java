package fi.polku.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who exists at start.
 *
 * @param demoUsers create the demo users (password "demo"); only the embedded default and the
 *     demo profile set this
 * @param admin the administrator created at start, from ADMIN_USER and ADMIN_PASSWORD in the
 *     postgres profile
 */
@ConfigurationProperties(prefix = "polku")
public record PolkuSecurityProperties(boolean demoUsers, Admin admin) {

  /** Password of every demo user. */
  public static final String DEMO_PASSWORD = "demo";

  /** The administrator account; absent on the embedded default, where "admin" is a demo user. */
  public record Admin(String user, String password) {}
}
