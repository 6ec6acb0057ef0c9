package fi.polku.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Brute-force protection for HTTP Basic on {@code /api} and {@code /engine-rest} and for the
 * webapps' login (issue 20, docs/deployment.md "Security"). The engine's own login delay is per
 * user: it would let an attacker keep a real user (or another agency's whole system) locked out
 * with a wrong password now and then, and after ten failures the engine would lock the user for
 * good. So Polku keeps the engine's delay short and never permanent (application.yaml) and
 * throttles here by where the attempts come from: after {@value #PER_USER} failed logins of one
 * user name from one address in {@value #WINDOW_SECONDS} seconds, or {@value #PER_ADDRESS} of any
 * names, that address gets 429 with Retry-After and its attempts never reach the identity
 * service. The same user logging in from anywhere else is not affected. Counts live in each
 * node's memory; behind the proxy the address is X-Forwarded-For's.
 */
@Configuration
class LoginThrottle {

  static final int PER_USER = 10;
  static final int PER_ADDRESS = 100;
  static final int WINDOW_SECONDS = 300;

  @Bean
  FilterRegistrationBean<Filter> loginThrottleFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(Clock.systemUTC()));
    registration.setName("polku-login-throttle");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/v3/api-docs", "/v3/api-docs/*",
        "/camunda/api/admin/auth/user/*");
    // Before every authentication filter (the engine REST's is at 1, the API's at 3).
    registration.setOrder(-50);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private static final String WEBAPP_LOGIN = "";

    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    Filter(Clock clock) {
      this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = attemptedUser(request);
      if (user == null) {
        chain.doFilter(request, response);
        return;
      }
      String address = request.getRemoteAddr();
      String userKey = address + " " + user;
      long now = clock.millis();
      long wait = Math.max(user.isEmpty() ? 0 : waitSeconds(userKey, PER_USER, now),
          waitSeconds(address, PER_ADDRESS, now));
      if (wait > 0) {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(wait));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(("{\"title\":\"Too many failed logins\",\"status\":429,\"detail\":"
            + "\"Too many failed logins from your address; try again in " + wait + " seconds.\"}")
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      chain.doFilter(request, response);
      if (response.getStatus() == 401) {
        if (!user.isEmpty()) {
          record(userKey, now);
        }
        record(address, now);
      }
    }

    /** The user name a request tries to log in as (Basic header or the webapps' login form), or null. */
    private static String attemptedUser(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
        try {
          String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
              StandardCharsets.UTF_8);
          int colon = decoded.indexOf(':');
          return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
          return "?";
        }
      }
      if ("POST".equals(request.getMethod()) && request.getRequestURI().contains("/login/")) {
        // The webapps' login form: its body is left unread for Camunda, so only the address counts.
        return WEBAPP_LOGIN;
      }
      return null;
    }

    private long waitSeconds(String key, int limit, long now) {
      Deque<Long> times = failures.get(key);
      if (times == null) {
        return 0;
      }
      synchronized (times) {
        long windowStart = now - WINDOW_SECONDS * 1000L;
        while (!times.isEmpty() && times.peekFirst() < windowStart) {
          times.pollFirst();
        }
        if (times.size() < limit) {
          return 0;
        }
        // Free again when the oldest failure in the window falls out of it.
        return Math.max(1, (times.peekFirst() - windowStart + 999) / 1000);
      }
    }

    private void record(String key, long now) {
      Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (times) {
        times.addLast(now);
        while (times.size() > PER_ADDRESS + 1) {
          times.pollFirst();
        }
      }
      if (failures.size() > 100_000) {
        // A flood of made-up names: forget the oldest state rather than grow without end.
        failures.clear();
      }
    }
  }
}
