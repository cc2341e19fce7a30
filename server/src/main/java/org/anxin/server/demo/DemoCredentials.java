package org.anxin.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's secrets, the only place they exist in clear: {@code demo/devices.csv}
 * ({@code device_id,secret,type,elder_id}) for the simulator and {@code demo/users.csv}
 * ({@code username,password,role}) for people, both readable by their owner only.
 */
record DemoCredentials(List<Device> devices, List<User> users) {

  static final String DEVICES_FILE = "devices.csv";
  static final String USERS_FILE = "users.csv";

  record Device(String id, String secret, String type, long elderId) {
  }

  record User(String username, String password, String role) {
  }

  void write(Path demoDir) {
    List<String> deviceLines = new ArrayList<>(List.of("device_id,secret,type,elder_id"));
    devices.forEach(d -> deviceLines.add(d.id() + "," + d.secret() + "," + d.type() + "," + d.elderId()));
    List<String> userLines = new ArrayList<>(List.of("username,password,role"));
    users.forEach(u -> userLines.add(u.username() + "," + u.password() + "," + u.role()));
    try {
      Files.createDirectories(demoDir);
      ownerOnly(demoDir, "rwx------");
      writePrivately(demoDir.resolve(DEVICES_FILE), deviceLines);
      writePrivately(demoDir.resolve(USERS_FILE), userLines);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the demo credentials to " + demoDir + ": " + e.getMessage(), e);
    }
  }

  /** The logins of {@code users.csv}; empty when the file is missing. */
  static List<User> readUsers(Path demoDir) {
    Path file = demoDir.resolve(USERS_FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1)
          .map(line -> line.split(",", 3))
          .filter(parts -> parts.length == 3)
          .map(parts -> new User(parts[0], parts[1], parts[2]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file is created owner-only before anything is written to it, then moved into place whole. */
  private static void writePrivately(Path target, List<String> lines) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    ownerOnly(tmp, "rw-------");
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void ownerOnly(Path path, String permissions) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
