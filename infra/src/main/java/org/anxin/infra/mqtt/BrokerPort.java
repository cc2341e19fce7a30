package org.anxin.infra.mqtt;

import org.anxin.infra.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Chooses the port the embedded broker binds: the configured one when it is free; when it is taken, a free one if
 * the port was only the default, or a one-sentence {@link ConfigException} if someone asked for it.
 */
final class BrokerPort {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerPort.class);

  private BrokerPort() {
  }

  static int choose(MqttOptions mqtt) {
    InetAddress host = address(mqtt.host());
    if (isFree(host, mqtt.port())) {
      return mqtt.port();
    }
    if (mqtt.portExplicit()) {
      throw new ConfigException(MqttOptions.PORT + " asks for port " + mqtt.port() + " on " + mqtt.host()
          + ", but another program already listens there.");
    }
    int free = freePort(host);
    LOG.info("Port {} on {} is already in use, so the embedded MQTT broker listens on port {} instead "
        + "(set {} to choose one).", mqtt.port(), mqtt.host(), free, MqttOptions.PORT);
    return free;
  }

  private static InetAddress address(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (IOException e) {
      throw new ConfigException(MqttOptions.HOST + " names " + host + ", which is not an address of this machine.", e);
    }
  }

  /** Binds the way the broker will (address reuse on), so a port lingering in TIME_WAIT still counts as free. */
  private static boolean isFree(InetAddress host, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort(InetAddress host) {
    try (ServerSocket probe = new ServerSocket(0, 1, host)) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port is left on " + host.getHostAddress(), e);
    }
  }
}
