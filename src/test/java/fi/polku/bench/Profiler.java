package fi.polku.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A short JFR recording (the JDK's built-in profiler) of one step, summarised as top frames:
 * where the CPU samples end (top frame), the first of our own frames on each sampled stack, and
 * where threads wait in native code (JDBC socket reads: the database's share).
 */
final class Profiler {

  private Profiler() {}

  static void profile(Path directory, String name, Runnable step) throws Exception {
    Files.createDirectories(directory);
    Path file = directory.resolve("profile-" + name + ".jfr");
    WallClock wallClock = new WallClock(Thread.currentThread());
    try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
      recording.start();
      wallClock.start();
      try {
        step.run();
      } finally {
        wallClock.stop();
      }
      recording.stop();
      recording.dump(file);
    }
    Files.writeString(directory.resolve("profile-" + name + ".txt"), wallClock.summary() + "\n" + summary(file),
        StandardCharsets.UTF_8);
  }

  /**
   * JFR samples only threads on the CPU; a path driven through the engine mostly waits for
   * PostgreSQL. This samples the driving thread's stack every 2 ms whatever it does (wall clock),
   * and says what it was waiting for and under which of our classes.
   */
  static final class WallClock {
    private final Thread target;
    private final Map<String, Integer> waits = new HashMap<>();
    private final Map<String, Integer> ours = new HashMap<>();
    private final Map<String, Integer> statements = new HashMap<>();
    private volatile boolean running = true;
    private Thread sampler;
    private int samples;

    WallClock(Thread target) {
      this.target = target;
    }

    void start() {
      sampler = new Thread(() -> {
        while (running) {
          for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey() == target || thread.getKey().getName().matches("http-nio-.*-exec-.*")) {
              if (!idle(thread.getValue())) {
                sample(thread.getValue());
              }
            }
          }
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-wall-clock-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    void stop() throws InterruptedException {
      running = false;
      sampler.join();
    }

    private synchronized void sample(StackTraceElement[] stack) {
      if (stack.length == 0) {
        return;
      }
      samples++;
      waits.merge(waitingFor(stack), 1, Integer::sum);
      String polku = "(no Polku frame: engine, driver)";
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().startsWith("fi.polku") && !frame.getClassName().startsWith("fi.polku.bench")) {
          polku = frame.getClassName() + "." + frame.getMethodName();
          break;
        }
      }
      ours.merge(polku, 1, Integer::sum);
      if (waitingFor(stack).startsWith("PostgreSQL")) {
        for (StackTraceElement frame : stack) {
          String type = frame.getClassName();
          if (type.startsWith("org.camunda.bpm.engine.impl.db") || type.startsWith("org.springframework.jdbc.core")
              || type.startsWith("org.apache.ibatis") || type.startsWith("org.postgresql")
              || type.startsWith("com.zaxxer") || type.startsWith("java.") || type.startsWith("jdk.")
              || type.startsWith("sun.") || type.startsWith("org.springframework.jdbc.datasource")
              || type.startsWith("org.camunda.bpm.engine.impl.interceptor") || type.contains("$Proxy")) {
            continue;
          }
          statements.merge(type + "." + frame.getMethodName(), 1, Integer::sum);
          break;
        }
      }
    }

    /** A pool thread waiting for work, or the benchmark thread waiting for its own HTTP request. */
    private static boolean idle(StackTraceElement[] stack) {
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().startsWith("org.apache.tomcat.util.threads.TaskQueue")
            || frame.getClassName().startsWith("jdk.internal.net.http")) {
          return true;
        }
      }
      return false;
    }

    private static String waitingFor(StackTraceElement[] stack) {
      for (StackTraceElement frame : stack) {
        String type = frame.getClassName();
        if (type.startsWith("org.postgresql")) {
          return "PostgreSQL (JDBC driver: statements, commits)";
        }
        if (type.startsWith("org.eclipse.angus.mail") || type.startsWith("jakarta.mail")) {
          return "SMTP (mail delivery to GreenMail)";
        }
        if (type.startsWith("ch.qos.logback")) {
          return "logging";
        }
        if (type.startsWith("org.camunda.feel") || type.startsWith("org.camunda.bpm.dmn")) {
          return "DMN evaluation";
        }
      }
      return "JVM (engine, MyBatis, our code, JSON, crypto)";
    }

    synchronized String summary() {
      return "Wall clock of the working threads (the driver and Tomcat's request threads, idle stacks left out; " + samples + " samples every 2 ms):\n" + topList(waits, samples, 10)
          + "\nBy innermost Polku frame (wall clock):\n" + topList(ours, samples, 15)
          + "\nWaiting for PostgreSQL, by the caller of the data access:\n" + topList(statements, samples, 15);
    }
  }

  static String summary(Path jfr) throws IOException {
    Map<String, Integer> top = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> nativeTop = new HashMap<>();
    Map<String, Integer> packages = new HashMap<>();
    int samples = 0;
    int nativeSamples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      boolean execution = event.getEventType().getName().equals("jdk.ExecutionSample");
      boolean inNative = event.getEventType().getName().equals("jdk.NativeMethodSample");
      if ((!execution && !inNative) || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      if (inNative) {
        nativeSamples++;
        String firstJava = frames.stream().filter(frame -> !frame.getMethod().getType().getName().startsWith("sun.nio")
            && !frame.getMethod().getType().getName().startsWith("java.")).findFirst().map(Profiler::name).orElse("?");
        nativeTop.merge(firstJava, 1, Integer::sum);
        continue;
      }
      samples++;
      top.merge(name(frames.get(0)), 1, Integer::sum);
      packages.merge(area(frames), 1, Integer::sum);
      frames.stream().filter(frame -> frame.getMethod().getType().getName().startsWith("fi.polku")
          && !frame.getMethod().getType().getName().startsWith("fi.polku.bench")).findFirst()
          .ifPresent(frame -> ours.merge(name(frame), 1, Integer::sum));
    }
    StringBuilder text = new StringBuilder("JFR summary of " + jfr.getFileName() + ": " + samples
        + " CPU samples, " + nativeSamples + " samples of threads in native code\n");
    text.append("\nCPU samples by area (inclusive: a sample with Polku code anywhere on its stack counts for the innermost Polku package; the rest for the innermost library):\n")
        .append(topList(packages, samples, 12));
    text.append("\nTop frames (CPU):\n").append(topList(top, samples, 20));
    text.append("\nFirst Polku frame on CPU stacks:\n").append(topList(ours, samples, 15));
    text.append("\nIn native code, first frame outside the JDK's I/O (mostly waiting for PostgreSQL):\n")
        .append(topList(nativeTop, nativeSamples, 10));
    return text.toString();
  }

  private static String area(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("fi.polku") && !type.startsWith("fi.polku.bench")) {
        return "Polku: " + type.substring(0, type.lastIndexOf('.'));
      }
    }
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("org.camunda") || type.startsWith("org.apache.ibatis") || type.startsWith("org.postgresql")
          || type.startsWith("com.zaxxer") || type.startsWith("org.springframework") || type.startsWith("com.icegreen")
          || type.startsWith("jakarta.mail") || type.startsWith("org.eclipse.angus")) {
        String[] parts = type.split("\\.");
        return parts.length > 3 ? String.join(".", parts[0], parts[1], parts[2], parts[3]) : type;
      }
    }
    return "JDK/other";
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static String topList(Map<String, Integer> counts, int total, int limit) {
    return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
        .map(entry -> String.format("  %5.1f %%  %6d  %s%n", 100.0 * entry.getValue() / Math.max(1, total),
            entry.getValue(), entry.getKey()))
        .collect(Collectors.joining());
  }
}
