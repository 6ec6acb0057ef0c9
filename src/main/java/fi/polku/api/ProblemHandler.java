package fi.polku.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import fi.polku.cases.CaseNotFoundException;
import fi.polku.cases.InvalidIdentityCodeException;
import fi.polku.consent.ConsentNotFoundException;
import fi.polku.consent.InvalidConsentException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of our API as application/problem+json naming the field and the reason. No stack
 * trace and no submitted value reaches the caller (a value may be an identity code).
 */
@RestControllerAdvice(basePackages = "fi.polku")
class ProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (hasCause(e, RequestSizeLimitFilter.BodyTooLargeException.class)) {
      return ProblemWriter.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
          "The request body is over 1 MiB; nothing was stored.", null);
    }
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return invalid(new ProblemWriter.FieldError(path(unknown), "unknown field: remove it"));
    }
    if (cause instanceof InvalidFormatException format) {
      return invalid(new ProblemWriter.FieldError(path(format),
          "wrong type: expected " + describe(format.getTargetType())));
    }
    if (cause instanceof ValueInstantiationException instantiation) {
      return invalid(new ProblemWriter.FieldError(path(instantiation), rootMessage(instantiation)));
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return invalid(new ProblemWriter.FieldError(path(mismatch),
          "wrong type: expected " + describe(mismatch.getTargetType())));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return invalid(new ProblemWriter.FieldError(path(mapping), rootMessage(mapping)));
    }
    if (cause instanceof JsonProcessingException) {
      return ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
          "The request body is not valid JSON.", null);
    }
    return ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Missing or unreadable body",
        "The request needs a JSON body.", null);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail notValid(MethodArgumentNotValidException e) {
    List<ProblemWriter.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new ProblemWriter.FieldError(error.getField(), error.getDefaultMessage()))
        .collect(Collectors.toList());
    return ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request",
        "One or more fields are missing or invalid.", errors);
  }

  @ExceptionHandler(InvalidIdentityCodeException.class)
  ProblemDetail identityCode(InvalidIdentityCodeException e) {
    return ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid identity code",
        "The personal identity code is not valid.",
        List.of(new ProblemWriter.FieldError("identityCode", e.kind().messageEn(), e.kind().messageFi())));
  }

  @ExceptionHandler(InvalidConsentException.class)
  ProblemDetail consent(InvalidConsentException e) {
    return invalid(new ProblemWriter.FieldError(e.field(), e.getMessage()));
  }

  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail parameter(InvalidParameterException e) {
    return invalid(new ProblemWriter.FieldError(e.field(), e.getMessage()));
  }

  @ExceptionHandler(CaseNotFoundException.class)
  ProblemDetail caseNotFound(CaseNotFoundException e) {
    return ProblemWriter.problem(HttpStatus.NOT_FOUND, "Case not found",
        "No case " + e.caseNumber() + " that your agency takes part in.", null);
  }

  @ExceptionHandler(ConsentNotFoundException.class)
  ProblemDetail consentNotFound(ConsentNotFoundException e) {
    return ProblemWriter.problem(HttpStatus.NOT_FOUND, "Consent not found", e.getMessage() + ".", null);
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return ProblemWriter.problem(HttpStatus.FORBIDDEN, "Not allowed", "Not allowed: " + e.getMessage() + ".", null);
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return ProblemWriter.problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), null);
  }

  @ExceptionHandler(RequestInProgressException.class)
  ResponseEntity<ProblemDetail> inProgress(RequestInProgressException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RequestInProgressException.RETRY_AFTER_SECONDS))
        .body(ProblemWriter.problem(HttpStatus.CONFLICT, "Request in progress", e.getMessage(), null));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return invalid(new ProblemWriter.FieldError(e.getName(), "wrong type: expected " + describe(e.getRequiredType())));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return invalid(new ProblemWriter.FieldError(e.getParameterName(), "required"));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ProblemDetail missingHeader(MissingRequestHeaderException e) {
    return invalid(new ProblemWriter.FieldError(e.getHeaderName(), "required header"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    return ProblemWriter.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
        "Send the body as application/json.", null);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail method(HttpRequestMethodNotSupportedException e) {
    return ProblemWriter.problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
        "Use " + e.getSupportedHttpMethods() + " on this path.", null);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noResource(NoResourceFoundException e) {
    return ProblemWriter.problem(HttpStatus.NOT_FOUND, "Not found", "No such path in the Polku API.", null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseUnavailable.causedBy(e)) {
      // A database restart or fail-over: the transaction rolled back; the same request later succeeds.
      LOG.warn("Database unavailable in the API ({}): answered 503", e.getClass().getName());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
          .body(ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
              "The database cannot be reached just now; nothing you sent was stored. Try again shortly.", null));
    }
    // Logged by type only: a message could quote submitted data.
    LOG.error("Unexpected {} in the API", e.getClass().getName());
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
            "Something went wrong on our side; nothing you sent was half-stored. Try again later.", null));
  }

  private static ProblemDetail invalid(ProblemWriter.FieldError error) {
    return ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request",
        "Field '" + error.field() + "': " + error.reason() + ".", List.of(error));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  /** The reason a value could not be built, e.g. "unknown agency; use one of te, sote...". */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException && root.getMessage() != null) {
      return root.getMessage();
    }
    return "invalid value";
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type.isEnum()) {
      return "one of the listed codes";
    }
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "a date like 2026-01-31";
      case "Instant", "OffsetDateTime" -> "a timestamp like 2026-01-31T12:00:00Z";
      case "Integer", "int", "Long", "long" -> "a whole number";
      case "Boolean", "boolean" -> "true or false";
      default -> type.getSimpleName().equals("String") ? "text" : type.getSimpleName();
    };
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
