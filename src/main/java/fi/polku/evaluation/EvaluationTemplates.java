package fi.polku.evaluation;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The evaluation's pages from their Mustache templates ({@code templates/evaluation/*.mustache}):
 * every {@code {{value}}} is HTML-escaped by the template engine; only the SVG charts, which
 * escape their own text, go in unescaped ({@code {{{chart}}}}).
 */
@Component
class EvaluationTemplates {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final Mustache.Compiler mustache;

  EvaluationTemplates(Mustache.Compiler mustache) {
    this.mustache = mustache;
  }

  /** The page {@code templates/evaluation/<name>.mustache} with the model, as the browser gets it. */
  ResponseEntity<String> page(HttpStatus status, String name, Map<String, ?> model) {
    return ResponseEntity.status(status).contentType(HTML)
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'")
        .header("X-Frame-Options", "DENY").header(HttpHeaders.CACHE_CONTROL, "no-store").body(render(name, model));
  }

  String render(String name, Map<String, ?> model) {
    try (Reader template = mustache.loader.getTemplate("evaluation/" + name)) {
      return mustache.compile(template).execute(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("The evaluation page " + name + " could not be rendered", e);
    }
  }
}
