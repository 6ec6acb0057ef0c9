package fi.polku.onward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** Which end states leave a client unaccounted: the hand-off rule against the paths' models, without a database. */
class UnaccountedCasesTest {

  @Test
  void aPathEndedReferredElsewhereIsAHandOffAndAReasonedEndIsNot() {
    assertThat(UnaccountedCases.isHandOff("te-referral", "EndEvent_ReferredToSpecialistCare", "Ohjattu erikoissairaanhoitoon")).isTrue();
    assertThat(UnaccountedCases.isHandOff("health-check-invitation", "EndEvent_ReferredOnward", "Ohjattu eteenpäin")).isTrue();
    // Listed by id: an older model version's end keeps counting whatever it was called.
    assertThat(UnaccountedCases.isHandOff("te-referral", "EndEvent_ReferredToSpecialistCare", null)).isTrue();
    // A new path's end named by the convention counts without a change in the code.
    assertThat(UnaccountedCases.isHandOff("some-new-path", "EndEvent_ToKela", "Ohjattu Kelaan")).isTrue();
    assertThat(UnaccountedCases.isHandOff("te-referral", "EndEvent_ClientDeclined", "Asiakas kieltäytyi")).isFalse();
    assertThat(UnaccountedCases.isHandOff("te-referral", "EndEvent_ReturnedNotForTeam",
        "Palautettu – ei tiimin asiakas (ohjaus annettu)")).isFalse();
    // The onward referral itself is no path: its "sent elsewhere" starts a new onward referral.
    assertThat(UnaccountedCases.isHandOff("onward-referral", "EndEvent_SentElsewhere", "Ohjattu toiseen palveluun")).isFalse();
  }

  @Test
  void theListedEndsAreReferralsElsewhereInTheModelsThatStillHaveThem() throws IOException {
    List<String> handOffs = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          for (EndEvent end : process.getChildElementsByType(EndEvent.class)) {
            boolean listed = UnaccountedCases.HAND_OFF_ENDS.getOrDefault(process.getId(), java.util.Set.of()).contains(end.getId());
            if (listed) {
              assertThat(end.getName()).as("%s of %s is listed as a hand-off", end.getId(), process.getId())
                  .startsWith("Ohjattu");
            }
            if (UnaccountedCases.isHandOff(process.getId(), end.getId(), end.getName())) {
              handOffs.add(process.getId() + "/" + end.getId());
            }
          }
        }
      }
    }
    // Every path end named "Ohjattu …" is found by its name; nothing else is.
    assertThat(handOffs).allMatch(handOff -> !handOff.startsWith("onward-referral/") && !handOff.startsWith("mail-delivery/"));
  }
}
