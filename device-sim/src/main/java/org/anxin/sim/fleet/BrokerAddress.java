package org.anxin.sim.fleet;

import java.net.URI;

/** A broker as {@code tcp://host:port}. */
public record BrokerAddress(String host, int port) {

  public static BrokerAddress parse(String url) {
    URI uri = URI.create(url.contains("://") ? url : "tcp://" + url);
    if (!"tcp".equals(uri.getScheme()) && !"mqtt".equals(uri.getScheme())) {
      throw new IllegalArgumentException("the broker must be tcp://host:port, not " + url);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the broker URL " + url + " names no host");
    }
    return new BrokerAddress(uri.getHost(), uri.getPort() < 0 ? 1883 : uri.getPort());
  }

  @Override
  public String toString() {
    return "tcp://" + host + ":" + port;
  }
}
