package org.anxin.infra.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.db.Database;
import org.anxin.infra.mqtt.access.AccessExtension;
import org.anxin.infra.mqtt.access.PlatformAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded MQTT 5 broker of the default mode (HiveMQ Community Edition in this JVM), with shared subscriptions
 * and device authentication against the {@code devices} table; with {@link MqttTls} configured it also listens with
 * TLS for devices, while the platform's own clients keep the plain listener. Sessions and queued messages persist
 * in {@code <data>/mqtt}, so a persistent session (the gateway's) survives a restart. Limits: {@link BrokerLimits}.
 *
 * <p>HiveMQ CE is built against Netty 4.1 while Vert.x 5 brings Netty 4.2; Maven resolves one Netty (4.2, managed by
 * the Vert.x stack) and HiveMQ runs on it unchanged: the tests in {@code org.anxin.infra.mqtt} start it next to
 * Vert.x in one JVM.
 */
public final class EmbeddedBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
  private static final long START_TIMEOUT_S = 60;

  private final EmbeddedHiveMQ hivemq;
  private final String url;
  private final String tlsUrl;
  private final int port;
  private final PlatformAccount platform;

  private EmbeddedBroker(EmbeddedHiveMQ hivemq, String url, String tlsUrl, int port, PlatformAccount platform) {
    this.hivemq = hivemq;
    this.url = url;
    this.tlsUrl = tlsUrl;
    this.port = port;
    this.platform = platform;
  }

  /**
   * Starts the broker and returns once it listens; blocks for a second or two, so call it off the event loop.
   *
   * @throws ConfigException when {@code ANXIN_MQTT_PORT} (or {@code ANXIN_MQTT_TLS_PORT}) is set and that port is
   *     taken, or the TLS keystore cannot be read
   */
  public static EmbeddedBroker start(NodeOptions node, MqttOptions mqtt, Database database) {
    Path root = node.dataDir().resolve("mqtt");
    int port = BrokerPort.choose(mqtt);
    int tlsPort = tlsPort(mqtt, port);
    BrokerConfig.write(root.resolve("conf"), mqtt.host(), port, mqtt.tls(), tlsPort);
    PlatformAccount platform = PlatformAccount.from(mqtt);
    EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
        .withConfigurationFolder(root.resolve("conf"))
        .withDataFolder(folder(root.resolve("data")))
        .withExtensionsFolder(folder(root.resolve("extensions")))
        .withEmbeddedExtension(AccessExtension.embedded(platform, database))
        .withoutLoggingBootstrap()
        .build();
    awaitStart(hivemq, root);
    String host = connectHost(mqtt.host());
    String url = "tcp://" + host + ":" + port;
    String tlsUrl = mqtt.tls() == null ? null : "ssl://" + host + ":" + tlsPort;
    LOG.info("Embedded MQTT broker listens on {}{} (data in {})", url, tlsUrl == null ? "" : " and " + tlsUrl, root);
    return new EmbeddedBroker(hivemq, url, tlsUrl, port, platform);
  }

  /** The TLS listener's port, or 0 when there is none. */
  private static int tlsPort(MqttOptions mqtt, int plainPort) {
    if (mqtt.tls() == null) {
      return 0;
    }
    mqtt.tls().checkReadable();
    int tlsPort = BrokerPort.chooseTls(mqtt);
    if (tlsPort == plainPort) {
      throw new ConfigException(MqttTls.PORT + " and " + MqttOptions.PORT + " both ask for port " + plainPort
          + "; the TLS listener needs a port of its own.");
    }
    return tlsPort;
  }

  private static void awaitStart(EmbeddedHiveMQ hivemq, Path root) {
    try {
      hivemq.start().get(START_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      closeQuietly(hivemq);
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("The embedded MQTT broker with data in " + root + " did not start: "
          + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(hivemq);
      throw new IllegalStateException("Interrupted while the embedded MQTT broker was starting", e);
    }
  }

  private static Path folder(Path path) {
    try {
      return Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the broker folder " + path, e);
    }
  }

  /** Clients on this machine reach a broker bound to every address through loopback. */
  private static String connectHost(String host) {
    try {
      return InetAddress.getByName(host).isAnyLocalAddress() ? "127.0.0.1" : host;
    } catch (UnknownHostException e) {
      return host;
    }
  }

  public int port() {
    return port;
  }

  /** {@code tcp://127.0.0.1:port} */
  public String url() {
    return url;
  }

  /** {@code ssl://127.0.0.1:port} of the TLS listener for devices, or {@code null} when none is configured. */
  public String tlsUrl() {
    return tlsUrl;
  }

  public String platformUser() {
    return platform.user();
  }

  public String platformPassword() {
    return platform.password();
  }

  /** The options the platform's own clients use to reach this broker. */
  public MqttOptions clientOptions(MqttOptions configured) {
    return configured.connectedTo(url, platform.user(), platform.password());
  }

  /** Stops the broker, writing its sessions and queues to disk; takes a few seconds. */
  @Override
  public void close() {
    try {
      hivemq.close();
    } catch (ExecutionException e) {
      throw new IllegalStateException("The embedded MQTT broker did not stop cleanly: " + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(EmbeddedHiveMQ hivemq) {
    try {
      hivemq.close();
    } catch (ExecutionException | RuntimeException e) {
      LOG.debug("Closing a broker that failed to start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
