package org.anxin.sim.scenario;

import org.anxin.sim.fleet.BrokerAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the broker whose connections can be cut at once, without an MQTT DISCONNECT: what a
 * device losing power or network looks like to the broker, so the broker publishes the device's Last Will. The
 * {@code offline} and {@code flapping} scenarios connect through it. One connection at a time is expected; each
 * gets two plain pump threads.
 */
public final class SeverableRelay implements AutoCloseable {

  private final BrokerAddress broker;
  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  public SeverableRelay(BrokerAddress broker) {
    this.broker = broker;
    try {
      this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a relay port", e);
    }
    Thread acceptor = new Thread(this::accept, "sim-relay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Where devices connect instead of the broker. */
  public BrokerAddress address() {
    return new BrokerAddress("127.0.0.1", server.getLocalPort());
  }

  /** Cuts every relayed connection with a TCP reset. */
  public void sever() {
    for (Socket socket : open) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException ignored) {
        // already gone: that is what was wanted
      }
    }
    open.clear();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket device = server.accept();
        Socket upstream = new Socket(broker.host(), broker.port());
        open.add(device);
        open.add(upstream);
        pump(device, upstream);
        pump(upstream, device);
      } catch (IOException e) {
        if (!server.isClosed()) {
          sever();
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // the other side closed or was severed
      }
      closeQuietly(to);
    }, "sim-relay-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing after a cut
    }
  }

  @Override
  public void close() {
    sever();
    try {
      server.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
