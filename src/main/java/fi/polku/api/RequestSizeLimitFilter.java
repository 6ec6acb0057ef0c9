package fi.polku.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over the limit (1 MiB) with 413 before anything reads them, and query
 * parameters that are not UTF-8 text without control characters with 400 naming the parameter (a
 * NUL byte in a parameter reached PostgreSQL as a 500; HostileInputIT, issue 20).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

  static final long LIMIT = 1024 * 1024;

  private final ProblemWriter problems;

  RequestSizeLimitFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > LIMIT) {
      tooLarge(response);
      return;
    }
    String badParameter = badQueryParameter(request.getQueryString());
    if (badParameter != null) {
      problems.write(response, HttpStatus.BAD_REQUEST, "Invalid request",
          "Field '" + badParameter + "': not text (control characters or broken encoding).",
          java.util.List.of(new ProblemWriter.FieldError(badParameter, "not text (control characters or broken encoding)")));
      return;
    }
    // A chunked body has no length up front: count while it is read.
    chain.doFilter(new LimitedRequest(request), response);
  }

  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  /** The name of the first query parameter whose value is not clean text, or null. */
  static String badQueryParameter(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      String shownName = name.replaceAll("[^A-Za-z0-9_.-]", "?");
      try {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        byte[] bytes = percentDecode(value);
        String decoded = decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        if (CONTROL.matcher(decoded).find()) {
          return shownName;
        }
      } catch (java.nio.charset.CharacterCodingException | IllegalArgumentException e) {
        return shownName;
      }
    }
    return null;
  }

  private static byte[] percentDecode(String value) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw new IllegalArgumentException("broken percent-encoding");
        }
        out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c == '+') {
        out.write(' ');
      } else {
        byte[] bytes = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toByteArray();
  }

  void tooLarge(HttpServletResponse response) throws IOException {
    problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
        "The request body is over 1 MiB; nothing was stored.", null);
  }

  /** Thrown when a body without a Content-Length grows past the limit. */
  static class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("Request body over 1 MiB");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        ServletInputStream in = super.getInputStream();
        limited = new ServletInputStream() {
          private long count;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++count > LIMIT) {
              throw new BodyTooLargeException();
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (count += n) > LIMIT) {
              throw new BodyTooLargeException();
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return limited;
    }
  }
}
