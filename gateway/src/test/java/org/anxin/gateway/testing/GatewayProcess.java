package org.anxin.gateway.testing;

import org.anxin.infra.db.DatabaseOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway in a child JVM, so a test can kill it the hard way ({@code destroyForcibly}) mid-stream. The child
 * runs {@link #main}: a gateway on the given database and broker that prints {@code READY} once subscribed.
 */
public final class GatewayProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private GatewayProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public long pid() {
    return process.pid();
  }

  /** The child's heap in use right after a full collection, in bytes. */
  public long heapAfterGc() throws IOException {
    String marker = "HEAP " + process.pid() + " ";
    long before = java.nio.file.Files.readString(log).split(marker, -1).length;
    process.getOutputStream().write("heap\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    process.getOutputStream().flush();
    String[] found = new String[1];
    Await.until(java.time.Duration.ofSeconds(30), "the child's heap figure", () -> {
      try {
        String[] parts = java.nio.file.Files.readString(log).split(marker, -1);
        if (parts.length > before) {
          found[0] = parts[parts.length - 1].lines().findFirst().orElse("").trim();
          return true;
        }
        return false;
      } catch (IOException e) {
        return false;
      }
    });
    return Long.parseLong(found[0]);
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
    GatewayProcess gateway = new GatewayProcess(p, log);
    Await.until(java.time.Duration.ofSeconds(30), "the child gateway to be READY", () -> {
      if (!p.isAlive()) {
        throw new IllegalStateException("the child gateway exited with " + p.exitValue() + "; see " + log);
      }
      try {
        return java.nio.file.Files.readString(log).contains("READY " + p.pid());
      } catch (IOException e) {
        return false;
      }
    });
    return gateway;
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

  /** The child: a gateway with settings from its environment; answers {@code heap} on stdin with its heap. */
  public static void main(String[] args) throws IOException {
    DatabaseOptions db = new DatabaseOptions(args[0], "postgres", "", 4, 5_000);
    GatewayHarness gateway = new GatewayHarness(db, args[1]);
    gateway.start(GatewayHarness.options(System.getenv()));
    long pid = ProcessHandle.current().pid();
    System.out.println("READY " + pid);
    java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
        java.nio.charset.StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.trim().equals("heap")) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.println("HEAP " + pid + " " + (rt.totalMemory() - rt.freeMemory()));
      }
    }
  }
}
