package org.anxin.gateway.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopyTextTest {

  private static final DateTimeFormatter EXPECTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+00'")
      .withZone(ZoneOffset.UTC);

  @Test
  @DisplayName("verifies that times are written as UTC with milliseconds, across midnight and the epoch itself")
  void writesTimes() {
    long[] times = {0L, 1_790_000_000_123L, 1_790_035_199_999L, 1_790_035_200_000L, 951_782_400_001L};
    for (long t : times) {
      String written = new String(new CopyText(1).time(t).bytes(), StandardCharsets.UTF_8);
      assertEquals(EXPECTED.format(Instant.ofEpochMilli(t)), written, "epoch ms " + t);
    }
  }

  @Test
  @DisplayName("verifies that text is escaped for COPY and nulls are written as \\N")
  void escapesText() {
    CopyText copy = new CopyText(1).text("a\tb\\c\nd").text(null).number(null).bool(true).endRow();
    assertEquals("a\\tb\\\\c\\nd\t\\N\t\\N\tt\n", new String(copy.bytes(), StandardCharsets.UTF_8));
  }
}
