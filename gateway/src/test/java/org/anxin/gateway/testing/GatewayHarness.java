package org.anxin.gateway.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.anxin.gateway.GatewayOptions;
import org.anxin.gateway.alarm.AlarmRules;
import org.anxin.gateway.ingest.IngestVerticle;
import org.anxin.gateway.metrics.GatewayMetrics;
import org.anxin.infra.config.Settings;
import org.anxin.infra.db.Database;
import org.anxin.infra.db.DatabaseOptions;
import org.anxin.infra.db.Migrations;
import org.anxin.infra.http.HealthChecks;
import org.anxin.infra.mqtt.MqttOptions;
import org.anxin.infra.security.SecretHasher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** A gateway as a node runs it, on a given database and broker, with its own meters and health checks. */
public final class GatewayHarness implements AutoCloseable {

  public final Vertx vertx = Vertx.vertx();
  public final Database database;
  public final MeterRegistry registry = new SimpleMeterRegistry();
  public final HealthChecks health = new HealthChecks();
  private MqttOptions mqtt;
  private IngestVerticle verticle;
  private String deployment;

  /** A gateway on an anonymous broker. */
  public GatewayHarness(DatabaseOptions db, String brokerUrl) {
    this(db, MqttOptions.from(Settings.fromMap(Map.of())).connectedTo(brokerUrl, null, null));
  }

  public GatewayHarness(DatabaseOptions db, MqttOptions mqtt) {
    database = Database.open(vertx, db);
    Migrations.apply(database.dataSource());
    this.mqtt = mqtt;
  }

  /** Points the gateway at another broker (before {@link #start}). */
  public void connectTo(MqttOptions brokerOptions) {
    this.mqtt = brokerOptions;
  }

  /** Options as the environment would give them, with the test's overrides. */
  public static GatewayOptions options(Map<String, String> overrides) {
    return GatewayOptions.from(Settings.fromMap(overrides));
  }

  public IngestVerticle start(GatewayOptions options) {
    return start(options, null);
  }

  /** A gateway that runs {@code alarms} too (null for none). */
  public IngestVerticle start(GatewayOptions options, AlarmRules alarms) {
    verticle = new IngestVerticle(options, database, mqtt, new GatewayMetrics(registry), health, alarms);
    deployment = vertx.deployVerticle(verticle).await();
    return verticle;
  }

  public void stop() {
    if (deployment != null) {
      vertx.undeploy(deployment).await();
      deployment = null;
    }
  }

  public MqttOptions mqtt() {
    return mqtt;
  }

  public IngestVerticle verticle() {
    return verticle;
  }

  public void register(String... deviceIds) {
    register(database, deviceIds);
  }

  public static void register(Database database, String... deviceIds) {
    String sql = "INSERT INTO devices (id, type, secret_hash) VALUES (?, 'WRISTBAND', ?) ON CONFLICT DO NOTHING";
    try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      for (String id : deviceIds) {
        st.setString(1, id);
        st.setString(2, SecretHasher.hash(SecretHasher.newSecret()));
        st.addBatch();
      }
      st.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void execute(String sql) {
    try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public long count(String sql) {
    return count(database, sql);
  }

  public static long count(Database database, String sql) {
    try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public double counter(String name, String tag, String value) {
    var c = registry.find(name).tag(tag, value).counter();
    return c == null ? 0 : c.count();
  }

  @Override
  public void close() {
    stop();
    database.close();
    vertx.close().await();
  }
}
