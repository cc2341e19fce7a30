package org.anxin.server.cli;

import org.anxin.infra.node.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Starts a node, runs what a command adds once it is up, and keeps it running until SIGTERM or SIGINT, then stops
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

  static int run(Map<String, String> overrides, Consumer<Node> whenUp) {
    CountDownLatch stopRequested = new CountDownLatch(1);
    AtomicReference<Node> running = new AtomicReference<>();
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
        node.close();
      }
    }, "anxin-shutdown"));
    Node node = Node.start(overrides, Modules.all());
    running.set(node);
    try {
      whenUp.accept(node);
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    awaitUninterruptibly(stopRequested);
    return node.close() ? 0 : 1;
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
