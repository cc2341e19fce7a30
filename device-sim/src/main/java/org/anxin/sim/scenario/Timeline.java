package org.anxin.sim.scenario;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Plays a scenario file: each step at its offset, steps overlapping in time each on a thread of its own. */
public final class Timeline {

  private static final Logger LOG = LoggerFactory.getLogger(Timeline.class);

  private final ScenarioRunner runner;

  public Timeline(ScenarioRunner runner) {
    this.runner = runner;
  }

  /** Plays every step; returns how many failed. */
  public int play(ScenarioFile file) {
    double speed = file.speed() == null ? 1 : file.speed();
    ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor();
    ExecutorService players = Executors.newCachedThreadPool();
    List<CompletableFuture<Boolean>> results = new ArrayList<>();
    try {
      for (ScenarioFile.Step step : file.steps()) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        long delayMs = Math.round(step.offset().toMillis() / speed);
        starter.schedule(() -> players.execute(() -> result.complete(playStep(file, step))), delayMs,
            TimeUnit.MILLISECONDS);
        results.add(result);
      }
      return (int) results.stream().map(CompletableFuture::join).filter(ok -> !ok).count();
    } finally {
      starter.shutdownNow();
      players.shutdownNow();
    }
  }

  private boolean playStep(ScenarioFile file, ScenarioFile.Step step) {
    try {
      runner.play(step.name(), step.device(), step.elder(), file.optionsOf(step));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      LOG.error("step {} at {} failed: {}", step.scenario(), step.at(), e.getMessage());
      return false;
    }
  }
}
