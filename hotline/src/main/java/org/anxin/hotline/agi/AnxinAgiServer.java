package org.anxin.hotline.agi;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.internal.ServerSocketFacadeImpl;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Asterisk-Java's FastAGI server with a deeper accept backlog (a burst of calls connects at once) and a signal when
 * it listens, so the verticle starts only once calls can reach it.
 */
final class AnxinAgiServer extends DefaultAgiServer {

  private static final int BACKLOG = 1_024;

  private final CompletableFuture<Void> listening = new CompletableFuture<>();

  AnxinAgiServer(MappingStrategy mapping, InetAddress address, int port, int threads) {
    super(mapping);
    setAddress(address);
    setPort(port);
    setPoolSize(Math.min(threads, 16));
    setMaximumPoolSize(threads);
  }

  CompletableFuture<Void> listening() {
    return listening;
  }

  @Override
  protected ServerSocketFacade createServerSocket() throws IOException {
    try {
      ServerSocketFacade socket = new ServerSocketFacadeImpl(getPort(), BACKLOG, getAddress());
      listening.complete(null);
      return socket;
    } catch (IOException e) {
      listening.completeExceptionally(e);
      throw e;
    }
  }
}
