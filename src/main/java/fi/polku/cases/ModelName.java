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
}
