package fi.polku.casepage;

import fi.polku.api.Caller;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A member of staff logged in to the case pages, kept in the web session. The agency and the
 * administrator flag are decided exactly as for the API ({@link Caller#of}), so the page and the
 * API let the same people see the same cases.
 *
 * @param csrfToken the session's secret every form posts back, so another site cannot make a
 *     logged-in browser record or withdraw a consent
 */
record StaffUser(String userId, String fullName, List<String> groups, String csrfToken) implements Serializable {

  private static final SecureRandom RANDOM = new SecureRandom();

  static StaffUser of(String userId, String fullName, List<String> groups) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return new StaffUser(userId, fullName, List.copyOf(groups), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** The caller as the API would see this user. */
  Caller caller() {
    return Caller.of(userId, groups);
  }

  /** Whether a posted form carries this session's token (compared in constant time). */
  boolean sentToken(String token) {
    return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
