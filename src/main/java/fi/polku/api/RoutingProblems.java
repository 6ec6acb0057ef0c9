package fi.polku.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refusals that happen before Spring knows which controller a request is for (a body type the path
 * does not take, a method it does not have, a path that does not exist): ProblemHandler is limited
 * to our controllers and never sees them, so under /api they came back as Spring Boot's plain JSON.
 * Here they are problem+json like every other API error (found by HostileInputIT, issue 20).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RoutingProblems {

  @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
      HttpRequestMethodNotSupportedException.class, NoResourceFoundException.class})
  ResponseEntity<ProblemDetail> routing(Exception e, HttpServletRequest request) {
    ErrorResponse error = (ErrorResponse) e;
    HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return ResponseEntity.status(status).body(error.getBody());
    }
    String detail = "No such path in the Polku API.";
    if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
      detail = "Send the body as one of " + unsupported.getSupportedMediaTypes() + "; nothing was stored.";
    } else if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
      detail = "This path answers only as " + notAcceptable.getSupportedMediaTypes() + ".";
    } else if (e instanceof HttpRequestMethodNotSupportedException method) {
      detail = "Use " + method.getSupportedHttpMethods() + " on this path.";
    }
    return ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemWriter.problem(status, status.getReasonPhrase(), detail, null));
  }
}
