package org.anxin.infra.devices;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files that hold credentials: created readable and writable by their owner only (POSIX 600) from the first
 * byte, and moved into place whole, so no other user and no reader of a half-written file ever sees them.
 */
public final class OwnerOnlyFiles {

  private OwnerOnlyFiles() {
  }

  public static void write(Path target, String content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = posix()
        ? Files.createTempFile(dir, ".anxin-", ".tmp", PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".anxin-", ".tmp");
    try {
      Files.writeString(temp, content);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
