package org.anxin.gateway.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Rows in PostgreSQL's COPY text format: tab between columns, {@code \N} for null, backslash escapes. */
final class CopyText {

  private final StringBuilder out;
  private boolean lineStart = true;

  CopyText(int expectedRows) {
    out = new StringBuilder(Math.max(64, expectedRows * 160));
  }

  CopyText text(String value) {
    column();
    if (value == null) {
      out.append("\\N");
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return this;
  }

  CopyText number(Number value) {
    column();
    out.append(value == null ? "\\N" : value.toString());
    return this;
  }

  CopyText bool(Boolean value) {
    column();
    out.append(value == null ? "\\N" : value ? "t" : "f");
    return this;
  }

  /** Epoch milliseconds as an ISO-8601 UTC instant, which {@code timestamptz} reads exactly. */
  CopyText time(Long epochMillis) {
    column();
    out.append(epochMillis == null ? "\\N" : Instant.ofEpochMilli(epochMillis).toString());
    return this;
  }

  CopyText endRow() {
    out.append('\n');
    lineStart = true;
    return this;
  }

  byte[] bytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void column() {
    if (!lineStart) {
      out.append('\t');
    }
    lineStart = false;
  }
}
