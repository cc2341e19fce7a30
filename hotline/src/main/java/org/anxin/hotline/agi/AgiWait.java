package org.anxin.hotline.agi;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a script thread (Asterisk-Java's, never an event loop) waits for the platform: at most the timeout, after
 * which the step counts as failed and the call carries on to an operator.
 */
public final class AgiWait {

  private AgiWait() {
  }

  /** The future's value, or empty when it failed or did not complete in time. */
  public static <T> java.util.Optional<T> await(Future<T> future, Duration timeout) {
    try {
      return java.util.Optional.ofNullable(
          future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }
}
