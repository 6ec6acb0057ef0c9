package fi.polku.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Polku's own REST API as another agency's system calls it: HTTP Basic as {@code <agency>-system}. */
public class DemoApi {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json;
  private final String baseUrl;
  private final UnaryOperator<String> passwordOf;

  /** @param passwordOf the password of an agency's system user ({@code te}, {@code sote}, {@code oh}) */
  public DemoApi(ObjectMapper json, String baseUrl, UnaryOperator<String> passwordOf) {
    this.json = json;
    this.baseUrl = baseUrl;
    this.passwordOf = passwordOf;
  }

  /** POSTs the body as the agency's system user and returns the answer; a 4xx or 5xx is an error. */
  public JsonNode post(String agency, String path, Object body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (agency + "-system:" + passwordOf.apply(agency)).getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("POST " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
