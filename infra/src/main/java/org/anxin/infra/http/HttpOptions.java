package org.anxin.infra.http;

import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;

/** Where the node's one HTTP server listens; loopback unless configured, port 0 picks a free one. */
public record HttpOptions(String host, int port, boolean portExplicit) {

  public static final String HOST = "ANXIN_HTTP_HOST";
  public static final String PORT = "ANXIN_HTTP_PORT";

  public static HttpOptions from(Settings s) {
    int port = s.integer(PORT, 8080);
    if (port < 0 || port > 65535) {
      throw new ConfigException(PORT + " must be a port between 0 and 65535, not " + port);
    }
    return new HttpOptions(s.string(HOST, "127.0.0.1"), port, s.isSet(PORT));
  }
}
