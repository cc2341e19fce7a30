package org.anxin.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Device secrets: 32 random bytes issued by the platform, stored only as a SHA-256 hash. A secret of that entropy
 * cannot be guessed, so a slow password hash would add nothing but cost when a whole fleet reconnects at once
 * (10,000 devices after a broker restart); people's passwords use {@link PasswordHasher} instead.
 */
public final class SecretHasher {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretHasher() {
  }

  /** A new secret, URL-safe Base64 without padding (43 characters). */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String secret) {
    return "sha256:" + HexFormat.of().formatHex(sha256(secret));
  }

  public static boolean matches(String secret, String storedHash) {
    if (secret == null || storedHash == null || !storedHash.startsWith("sha256:")) {
      return false;
    }
    byte[] expected = HexFormat.of().parseHex(storedHash.substring("sha256:".length()));
    return MessageDigest.isEqual(expected, sha256(secret));
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
