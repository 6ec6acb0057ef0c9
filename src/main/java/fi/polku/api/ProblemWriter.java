package fi.polku.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes RFC 9457 problem bodies, also from filters that run before Spring MVC. */
@Component
public class ProblemWriter {

  static final String MEDIA_TYPE = "application/problem+json";

  private final ObjectMapper json;

  ProblemWriter(ObjectMapper json) {
    this.json = json;
  }

  /** A problem with the status, a short title, what to do, and the fields at fault (may be null). */
  public static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (errors != null && !errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  void write(HttpServletResponse response, HttpStatus status, String title, String detail, List<FieldError> errors)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem(status, title, detail, errors));
  }

  /** One field at fault: its JSON path and why, in English and Finnish where we have both. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldError(String field, String reason, String reasonFi) {
    public FieldError(String field, String reason) {
      this(field, reason, null);
    }
  }
}
