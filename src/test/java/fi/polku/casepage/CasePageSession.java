package fi.polku.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import fi.polku.support.HttpTestClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A member of staff on the case pages over HTTP: logged in, posting the pages' forms with their token. */
final class CasePageSession {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private CasePageSession() {}

  /** The session's CSRF token from a page's form. */
  static String token(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("the page has a form with the session's token").isTrue();
    return matcher.group(1);
  }

  /** A client logged in to the case pages as the demo user. */
  static HttpTestClient loggedIn(int port, String user) {
    HttpTestClient client = new HttpTestClient(port);
    HttpResponse<String> login = post(client, "/cases/login", "username=" + user + "&password=demo");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
    return client;
  }

  /** Posts a form as the browser does. */
  static HttpResponse<String> post(HttpTestClient client, String path, String form) {
    return client.send(client.request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }
}
