package org.anxin.hotline;

import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("The hotline's settings")
class HotlineOptionsTest {

  @Test
  @DisplayName("default to FastAGI on 127.0.0.1:4573 and AMI off")
  void defaults() {
    HotlineOptions o = HotlineOptions.from(Settings.fromMap(Map.of()));
    assertEquals("127.0.0.1", o.agiHost());
    assertEquals(4573, o.agiPort());
    assertFalse(o.amiEnabled());
    assertEquals("PJSIP/13800001111@anxin-trunk", o.dial("13800001111"));
  }

  @Test
  @DisplayName("refuse an AMI host without a password")
  void amiNeedsPassword() {
    assertThrows(ConfigException.class, () -> HotlineOptions.from(Settings.fromMap(Map.of("ANXIN_AMI_HOST",
        "127.0.0.1"))));
  }
}
