package org.anxin.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server's {@code Main} in a JVM of its own, as {@code java -jar} would run it, so a test can set its environment,
 * send it SIGTERM and read its exit status, stdout and stderr (kept in files under its data folder).
 */
public final class ChildServer implements AutoCloseable {

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private ChildServer(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static ChildServer start(Path dataDir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.anxin.server.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("ANXIN_"));
    builder.environment().put("ANXIN_DATA_DIR", dataDir.toString());
    builder.environment().put("ANXIN_AGI_PORT", "0");
    builder.environment().putAll(env);
    Path out = dataDir.resolve("stdout.log");
    Path err = dataDir.resolve("stderr.log");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    try {
      return new ChildServer(builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the file appears (the node writes it once it serves) or the process ends; true if it appeared. */
  public boolean awaitFile(Path file, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(file) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return Files.exists(file);
  }

  /** Sends SIGTERM ({@link Process#destroy()} on Unix). */
  public void terminate() {
    process.destroy();
  }

  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the server did not exit within " + timeout + "; stdout:\n" + stdout());
    }
    return process.exitValue();
  }

  public String stdout() {
    return read(stdout);
  }

  public String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
