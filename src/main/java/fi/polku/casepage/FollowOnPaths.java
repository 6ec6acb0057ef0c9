package fi.polku.casepage;

import fi.polku.engine.TasklistForm;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finnish labels of the follow-on paths a plan lists, as the mapping form offers them. */
final class FollowOnPaths {

  private static final String FORM = "te-referral-mapping";
  private static final Map<String, String> LABELS = new ConcurrentHashMap<>();

  private FollowOnPaths() {}

  /** The label of a value of the field, or the value itself when the form does not offer it. */
  static String label(String key, String value) {
    if (!"followOnPaths".equals(key)) {
      return value;
    }
    return LABELS.computeIfAbsent(value, code -> {
      try {
        String label = TasklistForm.byId(FORM).field(key).labelOf(code);
        return label == null || label.isBlank() ? code : label;
      } catch (RuntimeException formChanged) {
        return code;
      }
    });
  }
}
