package fi.polku.referral;

import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The client criteria of the work-ability team (Vaasan loppuraportti), each answered yes or no:
 * the one place they are listed. Each component's name is at once the start form's checkbox key,
 * the API's field under {@code criteria}, the process variable the referral-triage decision reads,
 * and (in snake_case) the referral table's column. A new criterion is a new component here, a
 * checkbox in forms/te-referral-start.form, an input of processes/referral-triage.dmn and a column.
 */
public record ReferralCriteria(
    @NotNull(message = "required") Boolean partialWorkAbility,
    @NotNull(message = "required") Boolean longTermUnemployed,
    @NotNull(message = "required") Boolean unmappedHealthProblems,
    @NotNull(message = "required") Boolean unclearOverallSituation,
    @NotNull(message = "required") Boolean missingEducation,
    @NotNull(message = "required") Boolean needsSeveralServices,
    @NotNull(message = "required") Boolean employed) {

  private static final List<String> NAMES = Arrays.stream(ReferralCriteria.class.getRecordComponents())
      .map(RecordComponent::getName).toList();

  /** The criteria's names in order: form keys, API fields, process variables and decision inputs. */
  public static List<String> names() {
    return NAMES;
  }

  /** Only the named criteria hold; every other is answered no. */
  public static ReferralCriteria only(Collection<String> holding) {
    if (!NAMES.containsAll(holding)) {
      throw new IllegalArgumentException("unknown referral criterion");
    }
    return from(holding::contains);
  }

  /** The criteria read by name (a form's variables, a table row); a missing or non-true answer is no. */
  public static ReferralCriteria from(Function<String, Object> answerOf) {
    Object[] answers = NAMES.stream().map(name -> Boolean.TRUE.equals(answerOf.apply(name))).toArray();
    try {
      return (ReferralCriteria) ReferralCriteria.class.getDeclaredConstructors()[0].newInstance(answers);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each criterion by name as true or false: the process variables of the triage decision. */
  public Map<String, Object> asVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (RecordComponent component : ReferralCriteria.class.getRecordComponents()) {
      try {
        variables.put(component.getName(), Boolean.TRUE.equals(component.getAccessor().invoke(this)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return variables;
  }

  /** A criterion's column in the referral table: partialWorkAbility is partial_work_ability. */
  static String column(String name) {
    return name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }
}
