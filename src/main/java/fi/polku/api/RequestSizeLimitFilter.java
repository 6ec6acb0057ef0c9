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

/** Refuses API request bodies over the limit (1 MiB) with 413 before anything reads them. */
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
    // A chunked body has no length up front: count while it is read.
    chain.doFilter(new LimitedRequest(request), response);
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
