package fi.polku.demo;

import fi.polku.engine.TasklistForm;
import fi.polku.security.StaffGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Supported-employment clients for the demo (path 4, issue 18), spread evenly over the period so
 * that the early ones have ended and the recent ones are at every one of the five stages: most come
 * by an onward referral from the work-ability team, which the job coach accepts; every fourth is a
 * self-referral at the sote centre. Each course ends differently, so every end state occurs.
 */
class SupportedEmploymentDemo {

  private final ProcessEngine engine;
  private final DemoPaths paths;
  private final Simulation simulation;

  SupportedEmploymentDemo(ProcessEngine engine, DemoPaths paths, Simulation simulation) {
    this.engine = engine;
    this.paths = paths;
    this.simulation = simulation;
  }

  /** Plans {@code count} clients between {@code first} and {@code end}. */
  void plan(Instant first, Instant end, int count, long seed) {
    SupportedEmploymentScript.Course[] courses = SupportedEmploymentScript.Course.values();
    long span = Duration.between(first, end.minus(Duration.ofDays(2))).toMinutes();
    for (int i = 0; i < count; i++) {
      Instant start = first.plus(Duration.ofMinutes(span * i / Math.max(1, count - 1))).plus(Duration.ofHours(2));
      DemoPaths.Person person = paths.person(DemoData.MUNICIPALITIES.get(i % DemoData.MUNICIPALITIES.size()));
      SupportedEmploymentScript script = new SupportedEmploymentScript(courses[i % courses.length], seed + i);
      boolean selfReferral = i % 4 == 3;
      simulation.at(start, "supported employment", () -> {
        String caseNumber = paths.api().post("sote", "/api/cases", Map.of("identityCode", person.identityCode(),
            "municipality", person.municipality())).get("caseNumber").asText();
        simulation.follow(caseNumber, script);
        if (selfReferral) {
          start("supported-employment", StaffGroup.JOB_COACH, Map.of("caseNumber", caseNumber, "entryRoute", "self-referral"));
        } else {
          start("onward-referral", StaffGroup.WORK_ABILITY_TEAM, Map.of("caseNumber", caseNumber,
              "receivingService", "supported-employment-ips", "onwardReason",
              "Haluaa töihin avoimille työmarkkinoille; tarvitsee tukea työnhakuun ja työn alkuun", "contentScope", "plan"));
        }
      });
    }
  }

  private void start(String processKey, StaffGroup group, Map<String, Object> entered) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult().getId();
    var submitted = TasklistForm.ofStart(engine.getFormService(), definitionId).submit(new HashMap<>(entered));
    engine.getIdentityService().setAuthentication(group.demoUser(), List.of(group.id()));
    try {
      engine.getFormService().submitStartForm(definitionId, submitted);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
