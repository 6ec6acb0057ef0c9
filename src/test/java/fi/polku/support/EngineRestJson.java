package fi.polku.support;

import java.util.Map;

/** Bodies for the engine REST API, as Tasklist sends them. */
public final class EngineRestJson {

  private EngineRestJson() {}

  /** {@code {"variables":{"name":{"value":...},...}}} for complete and submit-form. */
  public static String variables(Map<String, ?> variables) {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    variables.forEach((name, value) -> json.append('"').append(name).append("\":{\"value\":")
        .append(value instanceof String ? "\"" + value + "\"" : value).append("},"));
    json.setLength(json.length() - 1);
    return json.append("}}").toString();
  }
}
