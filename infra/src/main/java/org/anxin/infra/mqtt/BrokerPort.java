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
    return choose(mqtt.host(), mqtt.port(), mqtt.portExplicit(), MqttOptions.PORT, "");
  }

  static int chooseTls(MqttOptions mqtt) {
    MqttTls tls = mqtt.tls();
    return choose(mqtt.host(), tls.port(), tls.portExplicit(), MqttTls.PORT, "TLS ");
  }

  private static int choose(String hostName, int port, boolean explicit, String variable, String kind) {
    InetAddress host = address(hostName);
    if (isFree(host, port)) {
      return port;
    }
    if (explicit) {
      throw new ConfigException(variable + " asks for port " + port + " on " + hostName
          + ", but another program already listens there.");
    }
    int free = freePort(host);
    LOG.info("Port {} on {} is already in use, so the embedded MQTT broker's {}listener uses port {} instead "
        + "(set {} to choose one).", port, hostName, kind, free, variable);
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
