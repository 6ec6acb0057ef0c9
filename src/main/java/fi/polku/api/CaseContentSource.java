package fi.polku.api;

import fi.polku.cases.Agency;
import fi.polku.consent.ConsentScope;
import java.util.List;
import java.util.Map;

/**
 * What a service path adds to a case's status beyond the steps: its plan or findings. The API
 * shows each piece to another agency only when a consent in force allows it at that moment.
 */
public interface CaseContentSource {

  /** The path's content for the case (empty when it has none). */
  List<CaseContent> contentFor(String caseNumber);

  /**
   * One piece of content.
   *
   * @param owner the agency the content comes from
   * @param scope what consent it needs to reach another agency ({@code plan} or {@code health})
   */
  record CaseContent(String path, Agency owner, ConsentScope scope, String title, Map<String, Object> data) {}
}
