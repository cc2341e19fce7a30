package org.anxin.hotline.agi;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.anxin.hotline.HotlineOptions;
import org.anxin.infra.node.Endpoints;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Runs Asterisk-Java's FastAGI server: its accept thread and its pool of script threads are its own, so the blocking
 * call flow never runs on an event loop. The scripts reach the rest of the platform over the bus, with timeouts.
 */
public class AgiServerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AgiServerVerticle.class);

  private final HotlineOptions options;
  private final ScriptSet scriptSet;
  private Map<String, AgiScript> scripts;
  private AnxinAgiServer server;
  private int port;

  /** The scripts are made on the verticle's context, the one they hand their bus work to. */
  public AgiServerVerticle(HotlineOptions options, ScriptSet scripts) {
    this.options = options;
    this.scriptSet = scripts;
  }

  @Override
  public Future<?> start() {
    scripts = scriptSet.scripts(context);
    return vertx.executeBlocking(this::listen);
  }

  /** The port the server listens on (the configured one, or the free one picked for 0). */
  public int port() {
    return port;
  }

  private Void listen() throws Exception {
    InetAddress address = InetAddress.getByName(options.agiHost());
    port = options.agiPort() == 0 ? freePort(address) : options.agiPort();
    server = new AnxinAgiServer(new ScriptMapping(scripts), address, port, options.agiThreads());
    Thread accept = new Thread(this::serve, "anxin-agi-accept");
    accept.setDaemon(true);
    accept.start();
    server.listening().get();
    LOG.info("FastAGI server listening on {}:{} with scripts {}", options.agiHost(), port, scripts.keySet());
    vertx.sharedData().getLocalMap(Endpoints.LISTENING).put("agi", "agi://" + options.agiHost() + ":" + port);
    return null;
  }

  private void serve() {
    try {
      server.startup();
    } catch (IOException | IllegalStateException e) {
      server.listening().completeExceptionally(e);
      LOG.error("The FastAGI server on {}:{} stopped: {}", options.agiHost(), port, e.getMessage());
    }
  }

  private static int freePort(InetAddress address) throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, address)) {
      return probe.getLocalPort();
    }
  }

  @Override
  public Future<?> stop() {
    return vertx.executeBlocking(() -> {
      if (server != null) {
        server.shutdown();
      }
      scriptSet.close();
      return null;
    });
  }
}
