package org.anxin.server.cli;

import org.anxin.infra.db.DatabaseOptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL of a node already running on the same data folder: its cluster is locked by that node, so
 * a {@code device} command joins it on the port PostgreSQL records in {@code postmaster.pid} instead of starting
 * its own. A pid file left by a crash names a port nobody answers on, and is ignored.
 */
final class RunningEmbeddedDatabase {

  /** Line 4 of {@code postmaster.pid} is the port (PostgreSQL's documented layout). */
  private static final int PORT_LINE = 3;

  private RunningEmbeddedDatabase() {
  }

  static Optional<DatabaseOptions> find(Path dataDir, DatabaseOptions base) {
    Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
    try {
      List<String> lines = Files.isReadable(pidFile) ? Files.readAllLines(pidFile) : List.of();
      if (lines.size() <= PORT_LINE || !lines.get(PORT_LINE).trim().matches("[0-9]{1,5}")) {
        return Optional.empty();
      }
      int port = Integer.parseInt(lines.get(PORT_LINE).trim());
      return answers(port)
          ? Optional.of(base.withUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", ""))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
