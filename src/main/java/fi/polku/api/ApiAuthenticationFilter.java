package fi.polku.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against the Camunda identity service for our own API and its OpenAPI document: the
 * same users and passwords as /engine-rest. The caller is kept as a request attribute; the
 * engine's own authorization is not involved, because the API applies its own rules (agency
 * participation, consent).
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String CALLER = Caller.class.getName();

  private final IdentityService identityService;
  private final ProblemWriter problems;

  ApiAuthenticationFilter(IdentityService identityService, ProblemWriter problems) {
    this.identityService = identityService;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = basicCredentials(request.getHeader("Authorization"));
    boolean valid;
    List<String> groups;
    try {
      valid = credentials != null && identityService.checkPassword(credentials[0], credentials[1]);
      groups = !valid ? List.of() : identityService.createGroupQuery().groupMember(credentials[0]).list()
          .stream().map(Group::getId).toList();
    } catch (RuntimeException e) {
      if (!DatabaseUnavailable.causedBy(e)) {
        throw e;
      }
      // The user store is the database: while it is away no one can be checked, and no one is refused.
      response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
          "The database cannot be reached just now; nothing you sent was stored. Try again shortly.", null);
      return;
    }
    if (!valid) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Polku\", charset=\"UTF-8\"");
      problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
          "Give a Polku user's credentials with HTTP Basic authentication.", null);
      return;
    }
    request.setAttribute(CALLER, Caller.of(credentials[0], groups));
    chain.doFilter(request, response);
  }

  private static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
