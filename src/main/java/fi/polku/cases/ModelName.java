package fi.polku.cases;

/**
 * Declares an id or variable name of a model in a {@code *Model} class so that it stays a field:
 * javac copies a plain string constant into every class that uses it, and the module check
 * (ModularityTest) then cannot see that, say, the evaluation depends on path 1. Read at run time,
 * the field's use is a real dependency in the bytecode, as it is in the design.
 */
public final class ModelName {

  private ModelName() {}

  /** The name itself, as a value the compiler does not inline. */
  public static String of(String name) {
    return name;
  }

  /**
   * A model element's name as a person reads it outside the diagram (a case's step or end state, the
   * evaluation, an export): without the soft hyphens (U+00AD) that tell Camunda Modeler where a long
   * compound word may break (docs/modelling.md, section 3), and on one line.
   */
  public static String shown(String name) {
    return name == null ? null : name.replace("\u00AD", "").replace('\n', ' ');
  }
}
