package org.anxin.infra.devices;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A device secret in Mosquitto's password-file format, as {@code mosquitto_passwd} 2.x writes it:
 * {@code $7$101$<base64 12-byte salt>$<base64 PBKDF2-HMAC-SHA512 of 64 bytes>}. The 101 iterations are
 * mosquitto_passwd's own default; a device secret is 32 random bytes, so more iterations would add no safety.
 */
public final class MosquittoHash {

  private static final int ITERATIONS = 101;
  private static final int SALT_BYTES = 12;
  private static final int HASH_BITS = 512;
  private static final SecureRandom RANDOM = new SecureRandom();

  private MosquittoHash() {
  }

  public static String hash(String secret) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return hash(secret, salt, ITERATIONS);
  }

  static String hash(String secret, byte[] salt, int iterations) {
    Base64.Encoder b64 = Base64.getEncoder();
    return "$7$" + iterations + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(pbkdf2(secret, salt, iterations));
  }

  /** Whether {@code stored} (a {@code $7$} line's hash part) is the hash of {@code secret}. */
  public static boolean matches(String secret, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 5 || !parts[1].equals("7")) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts[3]);
    byte[] expected = Base64.getDecoder().decode(parts[4]);
    return MessageDigest.isEqual(expected, pbkdf2(secret, salt, Integer.parseInt(parts[2])));
  }

  private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every Java runtime", e);
    }
  }
}
