package org.anxin.gateway.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.infra.db.DatabaseOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway in a child JVM, so a test can kill it the hard way ({@code destroyForcibly}) mid-stream and a
 * benchmark can measure its heap alone. The child runs {@link #main}: a gateway on the given database and broker,
 * with {@code ANXIN_GATEWAY_*} settings from its environment, that prints {@code READY} once subscribed and answers
 * {@code heap} and {@code stats} on its standard input.
 */
public final class GatewayProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private GatewayProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static GatewayProcess start(String jdbcUrl, String brokerUrl, Path log) throws IOException {
    return start(jdbcUrl, brokerUrl, log, Map.of("ANXIN_GATEWAY_BATCH_SIZE", "200",
        "ANXIN_GATEWAY_RECEIVE_MAXIMUM", "1000", "ANXIN_GATEWAY_LINGER_MS", "20"), List.of());
  }

  /** A child gateway with the given {@code ANXIN_GATEWAY_*} settings and extra JVM options. */
  public static GatewayProcess start(String jdbcUrl, String brokerUrl, Path log, Map<String, String> settings,
                                     List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), GatewayProcess.class.getName(), jdbcUrl,
        brokerUrl));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(settings);
    Process p = builder.start();
    Await.until(Duration.ofSeconds(30), "the child gateway to be READY", () -> {
      if (!p.isAlive()) {
        throw new IllegalStateException("the child gateway exited with " + p.exitValue() + "; see " + log);
      }
      return readLog(log).contains("READY " + p.pid());
    });
    return new GatewayProcess(p, log);
  }

  public long pid() {
    return process.pid();
  }

  /** The child's heap in use right after a full collection, in bytes. */
  public long heapAfterGc() throws IOException {
    return Long.parseLong(ask("heap", "HEAP "));
  }

  /** The child's meters in one line: batches, batch size, commit time, lag, queue depth. */
  public String stats() throws IOException {
    return ask("stats", "STATS ");
  }

  private String ask(String command, String answerPrefix) throws IOException {
    String marker = answerPrefix + process.pid() + " ";
    int before = readLog(log).split(marker, -1).length;
    process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
    String[] found = new String[1];
    Await.until(Duration.ofSeconds(30), "the child's answer to " + command, () -> {
      String[] parts = readLog(log).split(marker, -1);
      if (parts.length > before) {
        found[0] = parts[parts.length - 1].lines().findFirst().orElse("").trim();
      }
      return found[0] != null;
    });
    return found[0];
  }

  private static String readLog(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  /** Kills the child without any chance to acknowledge or flush. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  public static void main(String[] args) throws IOException {
    DatabaseOptions db = new DatabaseOptions(args[0], "postgres", "", 4, 5_000);
    GatewayHarness gateway = new GatewayHarness(db, args[1]);
    gateway.start(GatewayHarness.options(System.getenv()));
    long pid = ProcessHandle.current().pid();
    System.out.println("READY " + pid);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      switch (line.trim()) {
        case "heap" -> {
          System.gc();
          Runtime rt = Runtime.getRuntime();
          System.out.println("HEAP " + pid + " " + (rt.totalMemory() - rt.freeMemory()));
        }
        case "stats" -> System.out.println("STATS " + pid + " " + stats(gateway.registry));
        default -> System.out.println("unknown command " + line);
      }
    }
  }

  private static String stats(MeterRegistry registry) {
    Timer commit = registry.find(GatewayMetrics.COMMIT).timer();
    Timer lag = registry.find(GatewayMetrics.LAG).tag("from", "arrival").timer();
    return String.format("batches=%d mean_batch=%.0f mean_commit_ms=%.1f max_commit_ms=%.1f"
            + " mean_lag_from_arrival_ms=%.1f queue_depth=%.0f", commit.count(),
        registry.find(GatewayMetrics.BATCH_SIZE).summary().mean(), commit.mean(TimeUnit.MILLISECONDS),
        commit.max(TimeUnit.MILLISECONDS), lag.mean(TimeUnit.MILLISECONDS),
        registry.find(GatewayMetrics.QUEUE_DEPTH).gauge().value());
  }
}
