package fi.polku.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Our REST API under /api: authentication, size limit, the Caller parameter, OpenAPI. */
@Configuration
class ApiConfig implements WebMvcConfigurer {

  /** Paths that only an authenticated caller reaches: the API and its documentation. */
  static final String[] AUTHENTICATED = {
    "/api/*", "/v3/api-docs", "/v3/api-docs/*", "/swagger-ui/*", "/swagger-ui.html"
  };

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> apiSizeLimit(ProblemWriter problems) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(problems));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(
      IdentityService identityService, ProblemWriter problems) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, problems));
    registration.addUrlPatterns(AUTHENTICATED);
    registration.setOrder(3);
    return registration;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new HandlerMethodArgumentResolver() {
      @Override
      public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
      }

      @Override
      public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
          NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Object caller = request.getNativeRequest(HttpServletRequest.class)
            .getAttribute(ApiAuthenticationFilter.CALLER);
        if (caller == null) {
          throw new IllegalStateException("No authenticated caller: is the path under /api?");
        }
        return caller;
      }
    });
  }

  static {
    // Caller is resolved from the authentication, not a query parameter: keep it out of the document.
    org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  /**
   * Text fields refuse control characters other than tab and line breaks (a NUL byte cannot even be
   * stored in PostgreSQL): 400 naming the field instead of a 500 (issue 20, docs/reliability.md).
   */
  @Bean
  org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer noControlCharacters() {
    return builder -> builder.deserializerByType(String.class, new NoControlCharacters());
  }

  static final class NoControlCharacters extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
    private static final java.util.regex.Pattern CONTROL =
        java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    NoControlCharacters() {
      super(String.class);
    }

    @Override
    public String deserialize(com.fasterxml.jackson.core.JsonParser parser,
        com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
      String value = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(parser, context);
      if (value != null && CONTROL.matcher(value).find()) {
        throw com.fasterxml.jackson.databind.JsonMappingException.from(parser, "control characters",
            new IllegalArgumentException("contains control characters"));
      }
      return value;
    }
  }

  @Bean
  OpenAPI polkuOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Polku API").version("1")
            .description("Client cases, consents and service paths for other agencies' systems. "
                + "Every call uses HTTP Basic with a Polku user; errors are application/problem+json."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
