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
      DemoPaths.Person person = paths.person(MUNICIPALITIES.get(weighted(random, 50, 15, 15, 12, 8)));
      DemoClient client = profile(random);
      if (start.isAfter(end.minus(Duration.ofDays(30)))) {
        backlog(client, random);
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

  /** A client's course, drawn so that every step and end state of every path occurs. */
  static DemoClient profile(Random random) {
    DemoClient client = new DemoClient();
    client.triageDays = weighted(random, 10, 25, 25, 15, 10, 5, 4, 3, 3) ;
    client.triageDecision = List.of("team-appointment", "investigations", "not-for-team")
        .get(weighted(random, 75, 12, 13));
    client.declines = random.nextInt(20) == 0;
    client.whodasSum = List.of(3 + random.nextInt(7), 10 + random.nextInt(10), 20 + random.nextInt(10))
        .get(weighted(random, 40, 48, 12));
    client.kykyviisari = random.nextInt(6) == 0 ? null : 2 + random.nextInt(6);
    client.bookingDays = random.nextInt(3);
    client.appointmentInDays = 3 + random.nextInt(10);
    client.misses = weighted(random, 80, 10, 10);
    List<String> followOn = List.of("medical-rehabilitation", "vocational-rehabilitation", "social-rehabilitation",
        "substance-mental-health-rehabilitation", "rehabilitative-work-activity", "supported-employment",
        "other-employment-services", "education", "open-labour-market", "sick-leave", "disability-pension-assessment");
    client.followOnPaths = random.nextInt(3) == 0
        ? List.of(followOn.get(random.nextInt(followOn.size())), followOn.get(random.nextInt(followOn.size()))).stream().distinct().toList()
        : List.of(followOn.get(random.nextInt(followOn.size())));
    client.reviewDays = random.nextInt(15) == 0 ? -1 : 1 + random.nextInt(6);
    List<String> outcomes = List.of("employed", "education", "rehabilitation", "outside-labour-force", "still-unemployed");
    client.outcome3 = outcomes.get(weighted(random, 15, 12, 25, 8, 40));
    client.outcome6 = outcomes.get(weighted(random, 25, 15, 20, 8, 32));
    client.satisfaction3 = 5 + random.nextInt(6);
    client.satisfaction6 = 6 + random.nextInt(5);
    client.followUpDays = random.nextInt(20) == 0 ? -1 : 1 + random.nextInt(5);
    int firstWhodas = client.whodasSum;
    client.whodasSum6 = random.nextInt(3) == 0 ? null : Math.max(0, firstWhodas - 6 + random.nextInt(9));
    client.kykyviisari6 = client.kykyviisari == null ? null : Math.min(10, client.kykyviisari + random.nextInt(4) - 1);
    client.booking = List.of("nurse", "api", "declines", "none").get(weighted(random, 45, 30, 8, 17));
    client.bookingAfterDays = 1 + random.nextInt(9);
    client.checkInDays = 2 + random.nextInt(10);
    client.workAbilityConcern = random.nextInt(3) == 0;
    client.physicianNeeded = random.nextInt(6) == 0;
    client.extendedCheckDays = 1 + random.nextInt(8);
    client.rehabilitationNeed = random.nextInt(5) == 0;
    client.rehabilitationService = List.of("pension-vocational-rehabilitation", "kela-vocational-rehabilitation",
        "kela-rehabilitation-need-assessment").get(weighted(random, 50, 30, 20));
    client.rehabilitationConsent = random.nextInt(6) != 0;
    client.handoverConsent = random.nextInt(8) != 0;
    client.consentDays = random.nextInt(3);
    client.takeOverDays = random.nextInt(25) == 0 ? -1 : weighted(random, 10, 30, 25, 15, 10, 5, 5);
    client.followOnPath = List.of("work", "education", "vocational-rehabilitation", "sote-team", "other")
        .get(weighted(random, 25, 15, 20, 30, 10));
    client.clientExperience = 6 + random.nextInt(5);
    client.asksNewTime = random.nextInt(10) == 0;
    client.handoverHealthConsent = random.nextBoolean();
    client.checkRehabilitationNeed = random.nextInt(10) == 0;
    return client;
  }

  /** A recent client's work is still on the lists: slower triage, and some steps not yet done. */
  static void backlog(DemoClient client, Random random) {
    client.triageDays = 3 + random.nextInt(10);
    client.escalationDays = random.nextBoolean() ? -1 : 2;
    client.bookingDays = random.nextInt(3) == 0 ? -1 : client.bookingDays;
    client.reviewDays = random.nextInt(3) == 0 ? -1 : client.reviewDays;
    client.bookingAfterDays = random.nextInt(3) == 0 ? -1 : client.bookingAfterDays;
    client.extendedCheckDays = random.nextInt(3) == 0 ? -1 : client.extendedCheckDays;
    client.takeOverDays = random.nextInt(3) == 0 ? -1 : client.takeOverDays;
  }

  /** An index drawn with the given weights. */
  static int weighted(Random random, int... weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      draw -= weights[i];
      if (draw < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
