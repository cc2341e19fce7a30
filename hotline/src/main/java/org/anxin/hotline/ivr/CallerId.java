package org.anxin.hotline.ivr;

/**
 * A caller ID as the network gave it is never trusted: only digits (with one leading {@code +}) survive, at most 20
 * of them; anything else (a newline, quotes, a display name) is dropped. {@link #normalized} is the form numbers
 * are compared in, also in SQL ({@link IvrSql#NORMALIZED}): digits only, without China's country code.
 */
public final class CallerId {

  static final int MAX_DIGITS = 20;

  private CallerId() {
  }

  /** The caller's number as it may be stored and shown: e.g. {@code +8613800001111}, or "" when there is none. */
  public static String sanitize(String raw) {
    if (raw == null) {
      return "";
    }
    int end = raw.indexOf('\n');
    String line = end < 0 ? raw : raw.substring(0, end);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length() && out.length() < MAX_DIGITS; i++) {
      char c = line.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      } else if (c == '+' && out.isEmpty()) {
        out.append(c);
      }
    }
    return out.toString().equals("+") ? "" : out.toString();
  }

  /** Digits only, without a leading {@code +86} or {@code 0086} before an 11-digit number. */
  public static String normalized(String sanitized) {
    String digits = sanitized.replace("+", "");
    return digits.replaceFirst("^(00)?86(?=\\d{11}$)", "");
  }
}
