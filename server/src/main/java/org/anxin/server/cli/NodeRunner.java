package org.anxin.server.cli;

import org.anxin.infra.node.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Starts a node, runs what a command adds once it is up (closed before the node stops, by either route below), and keeps it running until SIGTERM or SIGINT, then stops
 * it in order and returns the exit status: 0 when it stopped within {@code ANXIN_SHUTDOWN_TIMEOUT_S}.
 *
 * <p>The signals are caught rather than left to a shutdown hook alone: on a plain hook the JVM exits with 143 and
 * runs every hook at once, so the embedded PostgreSQL's own hook could stop the database while modules still
 * finish their work. The hook stays for exits by any other route.
 */
final class NodeRunner {

  private static final Logger LOG = LoggerFactory.getLogger(NodeRunner.class);

  private NodeRunner() {
  }

  static int run(Map<String, String> overrides, Function<Node, AutoCloseable> whenUp) {
    CountDownLatch stopRequested = new CountDownLatch(1);
    AtomicReference<Node> running = new AtomicReference<>();
    AtomicReference<AutoCloseable> added = new AtomicReference<>();
    // Both are in place before the node starts: a SIGTERM that arrives while it starts stops it once it is up.
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), signal -> {
        LOG.info("SIG{} received", signal.getName());
        stopRequested.countDown();
      });
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      Node node = running.get();
      if (node != null) {
        close(added, node);
      }
    }, "anxin-shutdown"));
    Node node = Node.start(overrides, Modules.all());
    running.set(node);
    try {
      added.set(whenUp.apply(node));
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    awaitUninterruptibly(stopRequested);
    return close(added, node) ? 0 : 1;
  }

  /** Closes what the command added (once, whichever route comes first), then the node. */
  private static boolean close(AtomicReference<AutoCloseable> added, Node node) {
    AutoCloseable extra = added.getAndSet(null);
    if (extra != null) {
      try {
        extra.close();
      } catch (Exception e) {
        LOG.warn("Stopping {} failed: {}", extra.getClass().getSimpleName(), e.getMessage());
      }
    }
    return node.close();
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (latch.getCount() > 0) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
