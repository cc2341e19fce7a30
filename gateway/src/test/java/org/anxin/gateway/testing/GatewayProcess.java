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

  private GatewayProcess(Process process) {
    this.process = process;
  }

  public static GatewayProcess start(String jdbcUrl, String brokerUrl, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        GatewayProcess.class.getName(), jdbcUrl, brokerUrl));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    GatewayProcess gateway = new GatewayProcess(p);
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

  public static void main(String[] args) {
    DatabaseOptions db = new DatabaseOptions(args[0], "postgres", "", 4, 5_000);
    GatewayHarness gateway = new GatewayHarness(db, args[1]);
    gateway.start(GatewayHarness.options(Map.of("ANXIN_GATEWAY_BATCH_SIZE", "200",
        "ANXIN_GATEWAY_RECEIVE_MAXIMUM", "1000", "ANXIN_GATEWAY_LINGER_MS", "20")));
    System.out.println("READY " + ProcessHandle.current().pid());
  }
}
