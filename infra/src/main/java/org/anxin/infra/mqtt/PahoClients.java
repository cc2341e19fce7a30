package org.anxin.infra.mqtt;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;

/**
 * Builds the platform's Paho MQTT 5 clients from {@link MqttOptions}: where the broker is, the platform's own
 * account, and reconnecting by itself. Callers add what is theirs (session, receive maximum) to the options.
 */
public final class PahoClients {

  private PahoClients() {
  }

  /** {@code ANXIN_MQTT_URL} when set, else the embedded broker's {@code tcp://host:port}. */
  public static String serverUri(MqttOptions options) {
    return options.url() != null ? options.url() : "tcp://" + options.host() + ":" + options.port();
  }

  /**
   * Connection options with the platform's credentials and automatic reconnection (1 s to 30 s). On plain TCP the
   * socket's input is buffered: Paho reads each packet's header byte by byte, one system call each, which costs the
   * gateway a fifth of its time at tens of thousands of messages a second (measured with JFR).
   */
  public static MqttConnectionOptions connectionOptions(MqttOptions options) {
    MqttConnectionOptions connect = new MqttConnectionOptions();
    String uri = serverUri(options);
    connect.setServerURIs(new String[] {uri});
    if (uri.startsWith("tcp://")) {
      connect.setSocketFactory(new BufferedInputSocketFactory());
    }
    if (options.user() != null && options.password() != null) {
      connect.setUserName(options.user());
      connect.setPassword(options.password().getBytes(StandardCharsets.UTF_8));
    }
    connect.setAutomaticReconnect(true);
    connect.setAutomaticReconnectDelay(1, 30);
    connect.setKeepAliveInterval(30);
    connect.setConnectionTimeout(10);
    return connect;
  }

  /**
   * An asynchronous client; its outbound state is kept in memory because the platform's QoS 1 traffic is either
   * acknowledged to a peer or resent by the broker after a restart.
   */
  public static MqttAsyncClient asyncClient(MqttOptions options, String clientId) throws MqttException {
    return new MqttAsyncClient(serverUri(options), clientId, new MemoryPersistence());
  }

  /** Plain sockets whose input stream is buffered; Paho connects them itself. */
  private static final class BufferedInputSocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() {
      return new BufferedInputSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return createSocket(address, port);
    }

    private static Socket connected(InetSocketAddress address) throws IOException {
      Socket socket = new BufferedInputSocket();
      socket.connect(address);
      return socket;
    }
  }

  private static final class BufferedInputSocket extends Socket {

    private InputStream input;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input = new BufferedInputStream(super.getInputStream(), 64 * 1024);
      }
      return input;
    }
  }
}
