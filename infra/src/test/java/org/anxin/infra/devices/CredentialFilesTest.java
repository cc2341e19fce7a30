package org.anxin.infra.devices;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Files holding device credentials are readable by their owner only")
class CredentialFilesTest {

  @TempDir
  Path dir;

  static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  @DisplayName("the secrets CSV has mode 600, the agreed columns, and is never written over")
  void secretsFile() throws IOException {
    Path file = dir.resolve("devices-secrets.csv");
    List<IssuedSecret> issued = List.of(new IssuedSecret("wb-1", "s1", DeviceType.WRISTBAND, 17L),
        new IssuedSecret("ht-2", "s2", DeviceType.HOME_TERMINAL, null));
    DeviceSecretsFile.write(file, issued);
    assertEquals("rw-------", mode(file));
    assertEquals(List.of("device_id,secret,type,elder_id", "wb-1,s1,WRISTBAND,17", "ht-2,s2,HOME_TERMINAL,"),
        Files.readAllLines(file));
    assertThrows(IOException.class, () -> DeviceSecretsFile.write(file, issued));
    assertEquals(3, Files.readAllLines(file).size());
  }

  @Test
  @DisplayName("the Mosquitto password file has mode 600, the platform's account hashed, and one line per device")
  void mosquittoPasswordFile() throws IOException {
    Path file = MosquittoPasswordFile.write(dir, Map.of("wb-1", "$7$101$c2FsdA==$aGFzaA=="), "anxin-platform", "pw");
    List<String> lines = Files.readAllLines(file);
    assertEquals("rw-------", mode(file));
    assertEquals(2, lines.size());
    assertTrue(MosquittoHash.matches("pw", lines.get(0).substring("anxin-platform:".length())));
    assertEquals("wb-1:$7$101$c2FsdA==$aGFzaA==", lines.get(1));
  }
}
