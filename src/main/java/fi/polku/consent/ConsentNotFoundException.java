package fi.polku.consent;

/** No consent with that id in that case. */
public class ConsentNotFoundException extends RuntimeException {

  public ConsentNotFoundException(String caseNumber, long id) {
    super("No consent " + id + " in case " + caseNumber);
  }
}
