package fi.polku.evaluation;

import org.springframework.web.util.HtmlUtils;

/** Escaping for text put into HTML and SVG. */
final class Html {

  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    // Spring's escaping with UTF-8 leaves Finnish letters as they are and escapes < > & " '.
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
