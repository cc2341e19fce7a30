package org.anxin.infra.devices;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Mosquitto password hashes are written as mosquitto_passwd 2.x writes them")
class MosquittoHashTest {

  /** Written on this machine by {@code mosquitto_passwd -c -b pwfile devA s3cret} (Mosquitto 2.0.11). */
  private static final String FROM_MOSQUITTO_PASSWD =
      "$7$101$Sg061xoPk+A7ptt/$qjbiNeVRVkCHTJqHyb3xisbTpJVIUasJZmzG7b/2vJtqcSTSZ8chYoKyKijUueMD1"
          + "/i2nuAwiXe35IO+4H0x1w==";

  @Test
  @DisplayName("the same secret and salt give exactly the line mosquitto_passwd wrote")
  void matchesMosquittoPasswd() {
    byte[] salt = Base64.getDecoder().decode("Sg061xoPk+A7ptt/");
    assertEquals(FROM_MOSQUITTO_PASSWD, MosquittoHash.hash("s3cret", salt, 101));
    assertTrue(MosquittoHash.matches("s3cret", FROM_MOSQUITTO_PASSWD));
    assertFalse(MosquittoHash.matches("s3cret!", FROM_MOSQUITTO_PASSWD));
  }

  @Test
  @DisplayName("a new hash has mosquitto_passwd's shape: $7$, 101 iterations, 12-byte salt, 64-byte hash")
  void newHashHasTheShape() {
    String hash = MosquittoHash.hash("a-device-secret");
    String[] parts = hash.split("\\$");
    assertEquals("7", parts[1]);
    assertEquals("101", parts[2]);
    assertEquals(12, Base64.getDecoder().decode(parts[3]).length);
    assertEquals(64, Base64.getDecoder().decode(parts[4]).length);
    assertTrue(MosquittoHash.matches("a-device-secret", hash));
  }
}
