package fi.polku.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.calendar.WorkingDays;
import fi.polku.security.StaffGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo data for the embedded default and the demo profile: a few hundred made-up clients over
 * the last 18 months on all three paths, at every step and end state, made by driving the real
 * processes — API calls as other agencies' systems, task completions as the demo staff, timers
 * fired by moving the engine's clock — so Tasklist is full and the evaluation report has figures
 * the moment a newcomer logs in. Runs once, when the platform has no path history yet.
 */
@Component
@ConditionalOnProperty(name = "polku.demo-data.enabled", havingValue = "true")
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  static final List<String> MUNICIPALITIES = List.of("Jyväskylä", "Jämsä", "Äänekoski", "Laukaa", "Keuruu");

  private final ProcessEngine engine;
  private final WorkingDays workingDays;
  private final ObjectMapper json;
  private final org.springframework.core.env.Environment environment;
  private final int clients;
  private final long seed;
  private final boolean jobExecutorEnabled;

  DemoData(ProcessEngine engine, WorkingDays workingDays, ObjectMapper json, org.springframework.core.env.Environment environment,
      @Value("${polku.demo-data.clients:300}") int clients, @Value("${polku.demo-data.seed:2026}") long seed,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutorEnabled) {
    this.jobExecutorEnabled = jobExecutorEnabled;
    this.engine = engine;
    this.workingDays = workingDays;
    this.json = json;
    this.environment = environment;
    this.clients = clients;
    this.seed = seed;
  }

  @EventListener
  void onReady(ApplicationReadyEvent ready) {
    long existing = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn("te-referral", "health-check-invitation", "oh-handover").count();
    if (existing > 0) {
      LOG.info("Demo data: the platform already has {} path instances; nothing generated", existing);
      return;
    }
    int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
    Thread generator = new Thread(() -> generate("http://127.0.0.1:" + port), "polku-demo-data");
    generator.setDaemon(true);
    generator.start();
  }

  private void generate(String baseUrl) {
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    // The simulation runs every job itself, in the order the clock reaches them: the job executor
    // (started on the same ready event) must not run them too.
    boolean wasActive = jobExecutorEnabled && awaitStart(jobExecutor);
    if (wasActive) {
      jobExecutor.shutdown();
    }
    long started = System.nanoTime();
    Instant end = Instant.now();
    try {
      LOG.info("Demo data: generating {} made-up clients over the last 18 months (this takes a few minutes)", clients);
      Simulation simulation = generate(baseUrl, end, clients, seed);
      LOG.info("Demo data ready in {} s: {} clients, {} tasks completed, {} jobs run; log in to Tasklist or /evaluation",
          (System.nanoTime() - started) / 1_000_000_000, clients, simulation.completedTasks(), simulation.executedJobs());
    } catch (RuntimeException e) {
      LOG.error("Demo data stopped: {}", e.getMessage(), e);
    } finally {
      ClockUtil.reset();
      if (wasActive) {
        jobExecutor.start();
      }
    }
  }

  private static boolean awaitStart(JobExecutor jobExecutor) {
    for (int wait = 0; jobExecutor != null && wait < 300 && !jobExecutor.isActive(); wait++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return jobExecutor != null && jobExecutor.isActive();
  }

  /** Plans and runs the population; the clock ends at {@code end}. */
  Simulation generate(String baseUrl, Instant end, int count, long seed) {
    Map<String, String> staff = new LinkedHashMap<>();
    for (StaffGroup group : StaffGroup.values()) {
      staff.put(group.id(), group.demoUser());
    }
    Simulation simulation = new Simulation(engine.getRuntimeService(), engine.getTaskService(),
        engine.getFormService(), engine.getManagementService(), engine.getIdentityService(), workingDays, staff);
    DemoPaths paths = new DemoPaths(new DemoApi(json, baseUrl,
        // The system users' passwords: from the environment where it sets them, else the demo password.
        agency -> environment.getProperty("SYSTEM_" + agency.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD", "demo")), engine.getFormService(),
        engine.getRepositoryService(), engine.getIdentityService(), seed);
    Random random = new Random(seed);
    Instant first = end.minus(548, ChronoUnit.DAYS);
    ClockUtil.setCurrentTime(Date.from(first));
    List<DemoPaths.Person> round = new ArrayList<>();
    List<DemoClient> roundClients = new ArrayList<>();
    long span = Duration.between(first, end.minus(1, ChronoUnit.DAYS)).toMinutes();
    List<Instant> starts = new ArrayList<>();
    long lastMonth = Duration.ofDays(30).toMinutes();
    for (int i = 0; i < count; i++) {
      // A fifth of the clients came in the last month: their paths are under way, so every group's
      // Tasklist has work in it.
      Instant start = i % 5 == 0 ? end.minus(Duration.ofMinutes(60 + (long) (random.nextDouble() * lastMonth)))
          : first.plus(Duration.ofMinutes((long) (random.nextDouble() * span)));
      Instant during = DemoClient.at(workingDays, start, 0, 9 + random.nextInt(6));
      starts.add(during.isAfter(end) ? end.minus(Duration.ofMinutes(30)) : during);
    }
    starts.sort(null);
    Instant nextRound = first.plus(Duration.ofDays(14));
    int handovers = 0;
    for (Instant start : starts) {
      DemoPaths.Person person = paths.person(MUNICIPALITIES.get(DemoProfiles.weighted(random, 50, 15, 15, 12, 8)));
      DemoClient client = DemoProfiles.profile(random);
      if (start.isAfter(end.minus(Duration.ofDays(30)))) {
        DemoProfiles.backlog(client, random);
      }
      int path = random.nextInt(100);
      if (path < 35) {
        boolean byApi = random.nextInt(10) < 7;
        boolean consent = random.nextInt(20) != 0;
        simulation.at(start, "referral", () -> simulation.follow(byApi ? paths.referralByApi(person, consent)
            : paths.referralByTasklist(person, StaffGroup.TE_COORDINATOR.demoUser()), client));
      } else if (path < 80) {
        int way = random.nextInt(100);
        if (way < 75) {
          // Invitations go out in rounds every two weeks.
          round.add(person);
          roundClients.add(client);
          if (start.isAfter(nextRound)) {
            planRound(simulation, paths, start, List.copyOf(round), List.copyOf(roundClients));
            round.clear();
            roundClients.clear();
            nextRound = start.plus(Duration.ofDays(14));
          }
        } else {
          boolean walkIn = way >= 88;
          // Now and then a coordinator refers someone in occupational health care: not in the target group.
          boolean eligible = walkIn || random.nextInt(6) != 0;
          StaffGroup group = walkIn ? StaffGroup.HEALTH_CHECK_NURSE : StaffGroup.TE_COORDINATOR;
          simulation.at(start, "health check", () -> simulation.follow(paths.healthCheckByTasklist(person,
              walkIn ? "walk-in" : "referral", group.demoUser(), group.id(), eligible), client));
        }
      } else {
        LocalDate planned = start.atZone(WorkingDays.FINLAND).toLocalDate().plusDays(20 + random.nextInt(40));
        // Now and then the notice period grows: the provider corrects the date while the path waits.
        boolean longerNotice = random.nextInt(8) == 0;
        LocalDate ends = longerNotice ? planned.plusDays(45) : planned;
        boolean jobLost = random.nextInt(10) < 8;
        // Every tenth hand-over is a client under change security, outside the pilot's target group,
        // so the demo always has that end state however the draws fall.
        boolean changeSecurity = handovers++ % 10 == 2;
        simulation.at(start, "hand-over", () -> {
          String caseNumber = paths.handoverByApi(person, planned, changeSecurity);
          simulation.follow(caseNumber, client);
          if (longerNotice) {
            correctEndDate(simulation, paths, caseNumber, planned.minusDays(3).atTime(10, 0)
                .atZone(WorkingDays.FINLAND).toInstant(), ends);
          }
          if (jobLost) {
            reportJobLoss(simulation, paths, caseNumber, ends.atTime(10, 0).atZone(WorkingDays.FINLAND).toInstant(), 3);
          }
        });
      }
    }
    if (!round.isEmpty()) {
      planRound(simulation, paths, end.minus(Duration.ofDays(1)), round, roundClients);
    }
    new SupportedEmploymentDemo(engine, paths, simulation).plan(first, end, Math.max(8, count / 5), seed);
    new DemoOnwardReferrals(engine, paths.api(), simulation, workingDays).plan(end);
    simulation.runUntil(end);
    return simulation;
  }

  /** Employment services report the job loss; one that comes before the hand-over waits for it is sent again a week later. */
  private static void reportJobLoss(Simulation simulation, DemoPaths paths, String caseNumber, Instant at, int tries) {
    simulation.at(at, "job loss", () -> {
      try {
        paths.jobLoss(caseNumber);
      } catch (IllegalStateException notWaiting) {
        if (tries > 1 && notWaiting.getMessage().contains(" 409")) {
          reportJobLoss(simulation, paths, caseNumber, at.plus(Duration.ofDays(7)), tries - 1);
        }
      }
    });
  }

  /** The provider corrects the end date; if the hand-over does not wait yet, nothing is corrected. */
  private static void correctEndDate(Simulation simulation, DemoPaths paths, String caseNumber, Instant at, LocalDate ends) {
    simulation.at(at, "end date corrected", () -> {
      try {
        paths.correctEndDate(caseNumber, ends);
      } catch (IllegalStateException notWaiting) {
        // 409: the extended check or the consent was still open; the old date stays.
        if (!notWaiting.getMessage().contains(" 409")) {
          throw notWaiting;
        }
      }
    });
  }

  private void planRound(Simulation simulation, DemoPaths paths, Instant at, List<DemoPaths.Person> persons,
      List<DemoClient> scripts) {
    simulation.at(at, "invitation round", () -> paths.invitationRound(simulation, workingDays, persons, scripts));
  }
}
