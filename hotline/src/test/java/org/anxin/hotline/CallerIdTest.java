package org.anxin.hotline;

import org.anxin.hotline.ivr.CallerId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Caller IDs from the network")
class CallerIdTest {

  @Test
  @DisplayName("keep only digits and a leading plus, up to the first line break, at most 20 characters")
  void sanitize() {
    assertEquals("13800001111", CallerId.sanitize("13800001111\nagi_network_script: admin"));
    assertEquals("+8613800001111", CallerId.sanitize("+86 138-0000-1111"));
    assertEquals("1380000", CallerId.sanitize("\"Bob\" <1380000>; DROP TABLE"));
    assertEquals("", CallerId.sanitize("anonymous"));
    assertEquals("", CallerId.sanitize(null));
    assertEquals(20, CallerId.sanitize("1".repeat(64)).length());
  }

  @Test
  @DisplayName("are compared without China's country code")
  void normalized() {
    assertEquals("13800001111", CallerId.normalized("+8613800001111"));
    assertEquals("13800001111", CallerId.normalized("008613800001111"));
    assertEquals("057188880001", CallerId.normalized("057188880001"));
  }
}
