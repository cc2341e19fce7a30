package org.anxin.infra.mqtt;

import io.vertx.core.Vertx;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;

/** A fresh migrated database on the machine's PostgreSQL, and the options to start an embedded broker over it. */
public final class BrokerFixture implements AutoCloseable {

  public static final String PLATFORM_USER = "anxin-platform";

  public final TestDatabase testDatabase = TestDatabase.create();
  public final Vertx vertx = Vertx.vertx();
  public final Database database = Database.open(vertx, testDatabase.options());

  public BrokerFixture() {
    Migrations.apply(database.dataSource());
  }

  public static NodeOptions node(Path dataDir) {
    return new NodeOptions(dataDir, ZoneId.of("UTC"), Set.of());
  }

  /** Embedded-broker options on {@code port}; {@code explicit} says whether ANXIN_MQTT_PORT was set. */
  public static MqttOptions mqtt(int port, boolean explicit, String platformPassword) {
    return new MqttOptions(null, PLATFORM_USER, platformPassword, "127.0.0.1", port, explicit);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    database.close();
    vertx.close().await();
    testDatabase.close();
  }
}
