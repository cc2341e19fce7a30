package org.anxin.sim.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.anxin.gateway.GatewayOptions;
import org.anxin.gateway.ingest.IngestVerticle;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.infra.config.Settings;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.devices.DeviceRegistry;
import org.anxin.infra.http.HealthChecks;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.testing.TestDatabase;
import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.DeviceType;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform side of an end-to-end test: a fresh migrated database with devices registered through the
 * platform's {@link DeviceRegistry}, a private Mosquitto that authenticates them with the issued secrets, and the
 * real gateway ingesting from it.
 */
public final class Platform implements AutoCloseable {

  private final TestDatabase testDatabase = TestDatabase.create();
  private final Vertx vertx = Vertx.vertx();
  private final Database database = Database.open(vertx, testDatabase.options());
  private final List<DeviceCredentials> devices;
  private final PrivateMosquitto broker;
  private final String gateway;

  /** Registers {@code wristbands} W-nn and {@code terminals} T-nn and starts broker and gateway. */
  public Platform(int wristbands, int terminals) {
    this(wristbands, terminals, false);
  }

  /** As above; an {@code anonymous} broker lets in devices registered later (the gateway rereads them often). */
  public Platform(int wristbands, int terminals, boolean anonymous) {
    Migrations.apply(database.dataSource());
    devices = register(wristbands, terminals);
    broker = PrivateMosquitto.start(devices, anonymous);
    MqttOptions mqtt = MqttOptions.from(Settings.fromMap(Map.of())).connectedTo(broker.address().toString(),
        PrivateMosquitto.PLATFORM_USER, PrivateMosquitto.PLATFORM_PASSWORD);
    GatewayOptions options = GatewayOptions.from(Settings.fromMap(Map.of(GatewayOptions.LINGER_MS, "5",
        GatewayOptions.STATE_FLUSH_MS, "100", GatewayOptions.DEVICE_REFRESH_MS, "100",
        GatewayOptions.CLIENT_ID, "sim-e2e-gateway")));
    gateway = vertx.deployVerticle(new IngestVerticle(options, database, mqtt,
        new GatewayMetrics(new SimpleMeterRegistry()), new HealthChecks())).await();
  }

  private List<DeviceCredentials> register(int wristbands, int terminals) {
    if (wristbands + terminals == 0) {
      return List.of();
    }
    StringBuilder csv = new StringBuilder("device_id,type,model,elder_id,household_id,interval_s\n");
    List<DeviceCredentials> wanted = TestDevices.fleet(wristbands, terminals);
    wanted.forEach(d -> csv.append(d.deviceId()).append(',').append(d.type()).append(",sim,,,60\n"));
    List<DeviceCredentials> issued = new ArrayList<>();
    new DeviceRegistry(database).importCsv(new StringReader(csv.toString())).await()
        .forEach(s -> issued.add(new DeviceCredentials(s.deviceId(), s.secret(), DeviceType.valueOf(s.type().name()),
            wanted.stream().filter(w -> w.deviceId().equals(s.deviceId())).findFirst().orElseThrow().elderId())));
    return issued;
  }

  public List<DeviceCredentials> devices() {
    return devices;
  }

  public org.anxin.infra.db.DatabaseOptions databaseOptions() {
    return testDatabase.options();
  }

  public PrivateMosquitto broker() {
    return broker;
  }

  /** The rows of a query, each as a map of column to value. */
  public List<Map<String, Object>> rows(String sql, Object... args) {
    try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new java.util.LinkedHashMap<>();
          for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
            row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Waits until the query returns at least {@code count} rows, and returns them. */
  public List<Map<String, Object>> awaitRows(int count, String sql, Object... args) throws InterruptedException {
    long deadline = System.currentTimeMillis() + Duration.ofSeconds(15).toMillis();
    List<Map<String, Object>> rows = rows(sql, args);
    while (rows.size() < count) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("expected " + count + " rows of " + sql + " " + List.of(args) + ", got " + rows);
      }
      Thread.sleep(50);
      rows = rows(sql, args);
    }
    return rows;
  }

  @Override
  public void close() {
    vertx.undeploy(gateway).await();
    database.close();
    vertx.close().await();
    broker.close();
    testDatabase.close();
  }
}
