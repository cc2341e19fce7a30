package org.anxin.infra.node;

import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;
import org.anxin.infra.http.HttpOptions;

import java.time.Duration;

/**
 * How a node serves: its HTTP server, the FastAGI port it announces, and how long an orderly stop may take before
 * the process exits anyway.
 */
public record ServingOptions(HttpOptions http, int agiPort, Duration shutdownTimeout) {

  public static final String AGI_PORT = "ANXIN_AGI_PORT";
  public static final String SHUTDOWN_TIMEOUT_S = "ANXIN_SHUTDOWN_TIMEOUT_S";

  public static ServingOptions from(Settings s) {
    int timeout = s.integer(SHUTDOWN_TIMEOUT_S, 30);
    if (timeout < 1) {
      throw new ConfigException(SHUTDOWN_TIMEOUT_S + " must be at least 1 second, not " + timeout);
    }
    return new ServingOptions(HttpOptions.from(s), s.integer(AGI_PORT, 4573), Duration.ofSeconds(timeout));
  }
}
