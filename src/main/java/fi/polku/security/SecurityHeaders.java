package fi.polku.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on what Polku serves itself (issue 20). The JSON APIs ({@code /api},
 * {@code /engine-rest}, the OpenAPI document, health) are never a page: no content sniffing, no
 * framing, no referrer, no script or style at all, and no caching of answers that hold personal
 * data. Our own pages (case page, evaluation) set their CSP and frame options themselves; they get
 * nosniff here. HSTS is sent only on a request that arrived over TLS (behind the proxy's
 * X-Forwarded-Proto), never on the plain-HTTP localhost set-up, where it would lock a browser out.
 * Camunda's webapps set their own headers (docs/deployment.md, "Security").
 */
@Configuration
class SecurityHeaders {

  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiSecurityHeaders() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", API_CSP);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        hsts(request, response);
        chain.doFilter(request, response);
      }
    });
    registration.setName("polku-api-security-headers");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/v3/api-docs", "/v3/api-docs/*", "/actuator/*");
    // First, so that even a refusal by an authentication filter carries them.
    registration.setOrder(-100);
    return registration;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> pageSecurityHeaders() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        hsts(request, response);
        chain.doFilter(request, response);
      }
    });
    registration.setName("polku-page-security-headers");
    registration.addUrlPatterns("/cases", "/cases/*", "/evaluation", "/evaluation/*");
    registration.setOrder(-100);
    return registration;
  }

  private static void hsts(HttpServletRequest request, HttpServletResponse response) {
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
  }
}
