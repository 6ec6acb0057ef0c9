package fi.polku.handover;

import static org.assertj.core.api.Assertions.assertThat;

import fi.polku.engine.TasklistForm;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The intake reads every field of the start form, so a field added there cannot be left in the process unread. */
class HandoverRequestTest {

  @Test
  void theIntakeReadsExactlyTheStartFormsFields() {
    assertThat(TasklistForm.byId("oh-handover-start").fields().stream().map(TasklistForm.Field::key)
        .filter(Objects::nonNull).toList())
        .containsExactlyInAnyOrderElementsOf(HandoverRequest.START_FORM_FIELDS);
  }

  @Test
  void theRequestHasOneComponentPerStartFormField() {
    assertThat(HandoverRequest.class.getRecordComponents()).hasSameSizeAs(HandoverRequest.START_FORM_FIELDS);
  }
}
