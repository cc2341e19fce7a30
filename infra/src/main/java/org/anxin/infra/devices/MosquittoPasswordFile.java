package org.anxin.infra.devices;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Mosquitto {@code password_file}: one {@code user:$7$...} line per enabled device, from {@code broker_hash}, so a
 * Mosquitto deployment authenticates devices without the platform ever keeping their secrets. The platform's own
 * account is added when its password is known. Replaced whole; send Mosquitto SIGHUP to reload it.
 */
public final class MosquittoPasswordFile {

  public static final String FILE_NAME = "passwd";

  private MosquittoPasswordFile() {
  }

  /**
   * Writes {@code dir/passwd} and returns its path.
   *
   * @param platformUser     the platform's user name, or {@code null} to leave the platform out
   * @param platformPassword its password (hashed here, never written in clear)
   */
  public static Path write(Path dir, Map<String, String> deviceHashes, String platformUser, String platformPassword)
      throws IOException {
    StringBuilder lines = new StringBuilder();
    if (platformUser != null) {
      lines.append(platformUser).append(':').append(MosquittoHash.hash(platformPassword)).append('\n');
    }
    deviceHashes.forEach((id, hash) -> lines.append(id).append(':').append(hash).append('\n'));
    Path file = dir.resolve(FILE_NAME);
    OwnerOnlyFiles.write(file, lines.toString());
    return file;
  }
}
