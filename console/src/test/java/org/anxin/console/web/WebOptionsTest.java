package org.anxin.console.web;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verifies that the map settings are read and checked, and that a tile source opens images from its host only. */
class WebOptionsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  @DisplayName("without settings the map has no tiles, WGS-84, and the policy allows images from the console only")
  void defaults() {
    WebOptions options = WebOptions.from(new Settings(new JsonObject()), SHANGHAI);
    assertEquals("", options.tilesUrl());
    assertEquals("wgs84", options.crs());
    assertEquals("Asia/Shanghai", options.toJson().getString("timezone"));
    assertTrue(new SecurityHeaders(null).policy().contains("img-src 'self' data: blob:;"));
  }

  @Test
  @DisplayName("a tile template with {s} sub-domains opens images from those sub-domains, and nothing else")
  void tileOrigin() {
    assertEquals("https://*.tiles.example.cn", WebOptions.tileOrigin("https://{s}.tiles.example.cn/{z}/{x}/{y}.png"));
    assertEquals("http://10.0.0.5:8081", WebOptions.tileOrigin("http://10.0.0.5:8081/tiles/{z}/{x}/{y}.png"));
    assertNull(WebOptions.tileOrigin("javascript:alert(1)"));
    String policy = new SecurityHeaders("https://*.tiles.example.cn").policy();
    assertTrue(policy.contains("img-src 'self' data: blob: https://*.tiles.example.cn;"), policy);
    assertTrue(policy.contains("script-src 'self';") && !policy.contains("unsafe"), policy);
  }

  @Test
  @DisplayName("a CRS other than wgs84 or gcj02, or a tile URL that is not http(s), is refused at start")
  void refusesBadSettings() {
    assertThrows(ConfigException.class, () -> WebOptions.from(new Settings(new JsonObject()
        .put(WebOptions.MAP_CRS, "bd09")), SHANGHAI));
    assertThrows(ConfigException.class, () -> WebOptions.from(new Settings(new JsonObject()
        .put(WebOptions.MAP_TILES_URL, "file:///etc/passwd")), SHANGHAI));
    assertEquals("gcj02", WebOptions.from(new Settings(new JsonObject().put(WebOptions.MAP_CRS, "GCJ02")), SHANGHAI)
        .crs());
  }
}
