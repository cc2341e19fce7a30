package org.anxin.console.web;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;

import java.net.URI;
import java.time.ZoneId;

/**
 * What the pages need to know about the deployment, each an {@code ANXIN_*} variable (README's configuration table).
 *
 * @param tilesUrl a Leaflet tile URL template ({@code {s} {z} {x} {y}}); empty: no tiles, the map draws on a blank
 *     background
 * @param tilesAttribution the tile source's credit line, shown on the map
 * @param crs {@code wgs84}, or {@code gcj02} for national tile sources: positions are stored WGS-84 and shifted
 *     only for display
 * @param timezone where the pages' dates and times are shown ({@code ANXIN_TIMEZONE})
 */
public record WebOptions(String tilesUrl, String tilesAttribution, String crs, ZoneId timezone) {

  public static final String MAP_TILES_URL = "ANXIN_MAP_TILES_URL";
  public static final String MAP_TILES_ATTRIBUTION = "ANXIN_MAP_TILES_ATTRIBUTION";
  public static final String MAP_CRS = "ANXIN_MAP_CRS";

  public WebOptions {
    if (!crs.equals("wgs84") && !crs.equals("gcj02")) {
      throw new ConfigException(MAP_CRS + " must be wgs84 or gcj02, not '" + crs + "'");
    }
    if (!tilesUrl.isEmpty() && tileOrigin(tilesUrl) == null) {
      throw new ConfigException(MAP_TILES_URL + " must be an http(s) URL template, not '" + tilesUrl + "'");
    }
  }

  public static WebOptions from(Settings s, ZoneId timezone) {
    return new WebOptions(s.string(MAP_TILES_URL, "").trim(), s.string(MAP_TILES_ATTRIBUTION, ""),
        s.string(MAP_CRS, "wgs84").trim().toLowerCase(), timezone);
  }

  /** What {@code /ui/config.json} tells the pages. */
  public JsonObject toJson() {
    return new JsonObject().put("tilesUrl", tilesUrl).put("tilesAttribution", tilesAttribution).put("crs", crs)
        .put("timezone", timezone.getId());
  }

  /**
   * The origin images may come from under the Content-Security-Policy: the template's scheme and host, its
   * {@code {s}} sub-domain placeholder widened to a wildcard; null when the template is not an http(s) URL.
   */
  static String tileOrigin(String template) {
    try {
      URI uri = URI.create(template.replace("{s}", "subdomain").replaceAll("\\{[^}]*}", "x"));
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
        return null;
      }
      String host = template.contains("{s}") ? uri.getHost().replace("subdomain", "*") : uri.getHost();
      return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
