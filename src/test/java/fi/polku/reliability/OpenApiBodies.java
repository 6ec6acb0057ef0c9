package fi.polku.reliability;

import fi.polku.calendar.WorkingDays;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.polku.support.TestReferrals;

/**
 * Request bodies the OpenAPI document's schemas allow, with a fresh made-up identity code (900–999)
 * wherever one is asked, so the reliability tests reach every operation without a hand-written body.
 */
final class OpenApiBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode openApi;

  OpenApiBodies(JsonNode openApi) {
    this.openApi = openApi;
  }

  JsonNode resolve(JsonNode schema) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return openApi.path("components").path("schemas").path(name);
    }
    return schema;
  }

  /** A body the schema allows, with a fresh made-up identity code wherever one is asked. */
  JsonNode base(JsonNode schema) {
    return valueFor("", resolve(schema));
  }

  JsonNode valueFor(String name, JsonNode schema) {
    schema = resolve(schema);
    String lower = name.toLowerCase();
    if (schema.has("enum")) {
      // A "to..." field after its "from...": another value, as a consent from one agency to another.
      return schema.get("enum").get(lower.startsWith("to") && schema.get("enum").size() > 1 ? 1 : 0);
    }
    String type = schema.path("type").asText("object");
    switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), valueFor(p.getKey(),
            p.getValue())));
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        array.add(valueFor(name, schema.path("items")));
        return array;
      }
      case "integer", "number" -> {
        return NODES.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asInt()) : 1);
      }
      case "boolean" -> {
        return NODES.booleanNode(true);
      }
      default -> {
        String format = schema.path("format").asText("");
        if (format.equals("date") && (lower.contains("given") || lower.endsWith("on") && !lower.contains("until"))) {
          // A day something happened (givenOn, endedOn): today, never in the future.
          return NODES.textNode(java.time.LocalDate.now(WorkingDays.FINLAND).toString());
        }
        if (format.equals("date") && (lower.equals("from") || lower.equals("to"))) {
          // A report period: the last year up to today.
          return NODES.textNode(java.time.LocalDate.now(WorkingDays.FINLAND).minusYears(lower.equals("from") ? 1 : 0).toString());
        }
        if (format.equals("date")) {
          return NODES.textNode(java.time.LocalDate.now(WorkingDays.FINLAND).plusMonths(6).toString());
        }
        if (format.equals("date-time")) {
          return NODES.textNode(java.time.OffsetDateTime.now().plusDays(7).withNano(0).toString());
        }
        if (lower.contains("identitycode")) {
          return NODES.textNode(TestReferrals.randomTestCode());
        }
        if (lower.contains("email") || format.equals("email")) {
          return NODES.textNode("asiakas@polku.invalid");
        }
        if (lower.equals("language")) {
          return NODES.textNode("fi");
        }
        if (lower.equals("month")) {
          return NODES.textNode("2026-10");
        }
        if (schema.has("pattern") && schema.get("pattern").asText().matches("[a-z|-]+")) {
          return NODES.textNode(schema.get("pattern").asText().split("\\|")[0]);
        }
        return NODES.textNode("Testi");
      }
    }
  }
}
