package fi.polku.healthcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The routes of one health check as the health-check-routing decision (hit policy COLLECT) gave
 * them, in the table's order: the heaviest first. A route with a receiving service is an onward
 * referral; the work-ability team has a path of its own (te-referral); "incomplete" overrides the
 * rest, since an unanswered question could still add a route.
 */
record HealthCheckRoutes(List<String> routes, String reason, List<Onward> onward) {

  static final String WORK_ABILITY_TEAM = "work-ability-team";
  static final String INCOMPLETE = "incomplete";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One onward referral to request: the route, the receiving service's code and the reason the nurse reads. */
  record Onward(String route, String service, String reason) {}

  static HealthCheckRoutes of(List<Map<String, Object>> results) {
    Map<String, String> reasons = new LinkedHashMap<>();
    List<Onward> onward = new ArrayList<>();
    for (Map<String, Object> result : results) {
      String route = (String) result.get("route");
      if (reasons.containsKey(route)) {
        continue;
      }
      reasons.put(route, (String) result.get("routeReason"));
      Object service = result.get("onwardService");
      if (service != null && !service.toString().isBlank()) {
        onward.add(new Onward(route, service.toString(), (String) result.get("routeReason")));
      }
    }
    if (reasons.containsKey(INCOMPLETE)) {
      return new HealthCheckRoutes(List.of(INCOMPLETE), reasons.get(INCOMPLETE), List.of());
    }
    return new HealthCheckRoutes(List.copyOf(reasons.keySet()), String.join("; ", reasons.values()), onward);
  }

  /** The heaviest route (the table's order), as the evaluation counts a check. */
  String first() {
    return routes.isEmpty() ? INCOMPLETE : routes.get(0);
  }

  /** The onward referrals to request as a Json variable (readable in Cockpit). */
  TypedValue onwardJson() {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(onward)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("onward routes not writable as JSON", e);
    }
  }

  /** The onward referrals from the variable {@link #onwardJson()} wrote. */
  static List<Onward> onwardFrom(Object variable) {
    if (variable == null) {
      return List.of();
    }
    try {
      return JSON.readValue(variable.toString(), new TypeReference<List<Onward>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("onward routes are not the JSON the routing wrote", e);
    }
  }
}
