package fi.polku.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter serves {@code /engine-rest} to anyone; this puts HTTP Basic against the Camunda
 * identity service in front of it, so every call runs as a known user under the engine's
 * authorization checks. Camunda Modeler's deploy button sends the same Basic credentials.
 */
@Configuration
class RestAuthenticationConfig {

  /** URL patterns of the REST APIs that require a user. */
  static final String[] PROTECTED_PATTERNS = {"/engine-rest/*"};

  /** Where Jersey serves the engine REST API (spring.jersey.application-path). */
  static final String ENGINE_REST_PREFIX = "/engine-rest";

  @Bean
  FilterRegistrationBean<Filter> restAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("polku-rest-authentication");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    // Lets the filter find the engine name after the prefix, as in /engine-rest/engine/default/...
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, ENGINE_REST_PREFIX);
    registration.addUrlPatterns(PROTECTED_PATTERNS);
    registration.setOrder(1);
    return registration;
  }
}
