package org.anxin.infra.mqtt.access;

import org.anxin.infra.db.Database;
import org.anxin.infra.mqtt.BrokerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Device logins are checked against the database in batches and cached briefly")
class DeviceCredentialsTest {

  private static final int FLEET = 10_000;

  static BrokerFixture fixture;
  static List<Device> fleet;

  /** Registers the fleet in one statement (secret {@code secret-N}), as the registry would store it but faster. */
  @BeforeAll
  static void registerFleet() {
    fixture = new BrokerFixture();
    fixture.database.withConnection(c -> c.createStatement().executeUpdate(
        "INSERT INTO devices (id, type, secret_hash) SELECT 'wb-fleet-' || n, 'WRISTBAND',"
            + " 'sha256:' || encode(sha256(convert_to('secret-' || n, 'UTF8')), 'hex')"
            + " FROM generate_series(0, " + (FLEET - 1) + ") AS n")).await();
    fleet = IntStream.range(0, FLEET).mapToObj(n -> new Device("wb-fleet-" + n, "secret-" + n)).toList();
  }

  record Device(String id, String secret) {
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  @DisplayName("a whole fleet logging in at once is checked, right and wrong secrets alike, and then served from cache")
  void wholeFleetAtOnce() throws Exception {
    DeviceCredentials credentials = new DeviceCredentials(fixture.database);
    // WHEN every device of the fleet asks at once, plus one with a wrong secret
    long start = System.nanoTime();
    List<CompletableFuture<LoginVerdict>> verdicts = new ArrayList<>();
    for (Device device : fleet) {
      verdicts.add(credentials.verify(device.id(), device.secret()));
    }
    CompletableFuture<LoginVerdict> wrong = credentials.verify("wb-fleet-7", fleet.get(8).secret());
    CompletableFuture.allOf(verdicts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    long firstMs = (System.nanoTime() - start) / 1_000_000;
    // THEN all are let in, the wrong secret is not
    assertTrue(verdicts.stream().allMatch(v -> v.join() == LoginVerdict.ACCEPTED));
    assertEquals(LoginVerdict.WRONG_SECRET, wrong.get(5, TimeUnit.SECONDS));
    // AND a second wave within the cache's lifetime needs no database at all
    start = System.nanoTime();
    for (Device device : fleet) {
      assertTrue(credentials.verify(device.id(), device.secret()).isDone());
    }
    long secondMs = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("%d logins checked: %d ms from the database, %d ms from the cache%n", FLEET, firstMs, secondMs);
  }

  @Test
  @DisplayName("with the database down, a device never seen is told to come back later rather than refused")
  void databaseDownWithNothingCached() {
    Database closed = Database.open(fixture.vertx, fixture.testDatabase.options());
    closed.close();
    DeviceCredentials credentials = new DeviceCredentials(closed);
    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> credentials.verify("wb-fleet-1", fleet.get(1).secret()).get(10, TimeUnit.SECONDS));
    assertInstanceOf(DeviceCredentials.DatabaseDownException.class, failure.getCause());
  }
}
