package fi.polku.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for tests that call the running app as a user or another system would. */
public class HttpTestClient {

  private final String baseUrl;
  private final HttpClient client;

  public HttpTestClient(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  /** The underlying client, for answers read as something other than text. */
  public HttpClient client() {
    return client;
  }

  public HttpResponse<String> get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  public HttpResponse<String> postJson(String path, String user, String json) {
    return send(request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** Sends a request built by the caller (e.g. with extra headers). */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Request to " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request for the path, with Basic credentials when user is given (password "demo"). */
  public HttpRequest.Builder request(String path, String user) {
    return request(path, user, "demo");
  }

  /** A request for the path as the user with the password, or anonymous when user is null. */
  public HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (user != null) {
      builder.header("Authorization", basic(user, password));
    }
    return builder;
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
