package org.anxin.infra.alarm;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.anxin.infra.alarm.AlarmFixture.Elder;
import org.anxin.infra.db.Migrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.anxin.infra.alarm.AlarmFixture.await;
import static org.anxin.infra.alarm.AlarmFixture.countOrMinusOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The alarm outbox while a private PostgreSQL stops and comes back")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AlarmOutboxRecoveryTest {

  @TempDir
  Path dir;
  private EmbeddedPostgres postgres;
  private Vertx vertx;

  @AfterEach
  void stop() throws IOException {
    if (vertx != null) {
      vertx.close().await();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @DisplayName("publishes alarms at once during the outage and stores each exactly once when the database returns")
  void storesAfterRecovery() throws Exception {
    // GIVEN a running raiser on a private PostgreSQL holding an elder
    int port = freePort();
    postgres = startPostgres(port);
    DataSource ds = postgres.getPostgresDatabase();
    Migrations.apply(ds);
    Elder elder = AlarmFixture.newElder(ds, "wb-outage");
    vertx = Vertx.vertx();
    List<AlarmRaised> raised = new CopyOnWriteArrayList<>();
    new AlarmBus(vertx.eventBus()).onRaised(raised::add);
    DataSource byPort = AlarmFixture.dataSource("jdbc:postgresql://127.0.0.1:" + port
        + "/postgres?connectTimeout=2&socketTimeout=5", "postgres", "");
    try (AlarmRaiser raiser = AlarmRaiser.start(vertx, byPort,
        new AlarmOptions(dir.resolve("alarms"), Duration.ofMillis(200)), new AlarmMetrics(new SimpleMeterRegistry()))) {
      // WHEN the database stops and three alarms are raised (one of them twice, as a redelivery would)
      postgres.close();
      postgres = null;
      long start = System.nanoTime();
      for (RaiseRequest r : List.of(AlarmFixture.sos(elder, "b1", 1), AlarmFixture.of(elder, AlarmType.GAS, 2),
          AlarmFixture.of(elder, AlarmType.GAS, 2), AlarmFixture.of(elder, AlarmType.FALL, 3))) {
        raiser.raise(r).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      }
      // THEN they were all published (and journalled) while the database was down
      await(Duration.ofSeconds(5), () -> raised.size() == 4);
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "publishing waited for the database");
      // WHEN the database comes back on the same port and data folder
      Timestamp down = Timestamp.from(Instant.now());
      postgres = startPostgres(port);
      DataSource back = postgres.getPostgresDatabase();
      // THEN three alarms are stored, the redelivered GAS once only
      await(Duration.ofSeconds(20), () -> countOrMinusOne(back, "SELECT count(*) FROM alarm_events") == 3);
      assertEquals(3, countOrMinusOne(back, "SELECT count(*) FROM alarms WHERE elder_id = ? AND occurrences = 1",
          elder.elderId()));
      // AND each alarm is dated when it was raised, not when the database took it
      assertEquals(3, countOrMinusOne(back, "SELECT count(*) FROM alarms WHERE opened_at < ?", down));
    }
  }

  private EmbeddedPostgres startPostgres(int port) throws IOException {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir.resolve("pg"))
        .setCleanDataDirectory(false).setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("unix_socket_directories", "").start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
