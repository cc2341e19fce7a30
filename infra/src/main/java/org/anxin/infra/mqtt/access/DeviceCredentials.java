package org.anxin.infra.mqtt.access;

import org.anxin.infra.db.Database;
import org.anxin.infra.devices.DeviceLogin;
import org.anxin.infra.devices.DeviceSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Each device's login row ({@code secret_hash}, {@code enabled}), cached briefly and loaded in batches: when a whole
 * fleet reconnects at once (10,000 devices after a broker restart), the misses pile up while one query runs and the
 * next query fetches up to {@value #BATCH} of them, so the database sees a few dozen queries, not 10,000.
 *
 * <p>A registered device's row is trusted for {@link #TTL}: a rotated secret or a disabled device stops working at
 * the next connection after at most that long (open connections are not cut). A refusal read from the cache is
 * re-checked against the database once it is a little old, so a device rotated or enabled a moment ago gets in.
 * Unknown ids are never cached, so made-up user names cannot fill the memory; their lookups are batched like any
 * other. When the database cannot answer, a stale entry is used rather than locking the whole fleet out.
 */
final class DeviceCredentials {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceCredentials.class);

  static final Duration TTL = Duration.ofSeconds(10);
  static final Duration RECHECK_AFTER = Duration.ofSeconds(2);
  static final int BATCH = 500;

  private record Entry(Optional<DeviceLogin> login, long loadedAtNanos) {
  }

  private final Database database;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Optional<DeviceLogin>>> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean loading = new AtomicBoolean();

  DeviceCredentials(Database database) {
    this.database = database;
  }

  /** Whether {@code secret} is the current secret of an enabled device {@code deviceId}. */
  CompletableFuture<LoginVerdict> verify(String deviceId, String secret) {
    Entry cached = cache.get(deviceId);
    if (cached != null && age(cached).compareTo(TTL) < 0) {
      LoginVerdict verdict = LoginVerdict.of(cached.login(), secret);
      if (verdict == LoginVerdict.ACCEPTED || age(cached).compareTo(RECHECK_AFTER) < 0) {
        return CompletableFuture.completedFuture(verdict);
      }
    }
    return load(deviceId).thenApply(login -> LoginVerdict.of(login, secret));
  }

  private Duration age(Entry entry) {
    return Duration.ofNanos(System.nanoTime() - entry.loadedAtNanos());
  }

  private CompletableFuture<Optional<DeviceLogin>> load(String deviceId) {
    CompletableFuture<Optional<DeviceLogin>> answer =
        pending.computeIfAbsent(deviceId, id -> new CompletableFuture<>());
    loadPending();
    return answer;
  }

  /** One query at a time; whatever queued up meanwhile goes into the next one. */
  private void loadPending() {
    if (pending.isEmpty() || !loading.compareAndSet(false, true)) {
      return;
    }
    List<String> waiting = new ArrayList<>(pending.keySet());
    List<String> ids = waiting.subList(0, Math.min(BATCH, waiting.size()));
    LOG.debug("Reading the logins of {} devices", ids.size());
    database.withConnection(c -> DeviceSql.logins(c, ids)).onComplete(result -> {
      long now = System.nanoTime();
      for (String id : ids) {
        CompletableFuture<Optional<DeviceLogin>> answer = pending.remove(id);
        if (result.succeeded()) {
          Optional<DeviceLogin> login = Optional.ofNullable(result.result().get(id));
          login.ifPresent(found -> cache.put(id, new Entry(login, now)));
          answer.complete(login);
        } else {
          answerWithoutDatabase(id, answer, result.cause());
        }
      }
      loading.set(false);
      loadPending();
    });
  }

  private void answerWithoutDatabase(String id, CompletableFuture<Optional<DeviceLogin>> waiting, Throwable cause) {
    Entry stale = cache.get(id);
    if (stale != null) {
      waiting.complete(stale.login());
    } else {
      waiting.completeExceptionally(new DatabaseDownException(cause));
    }
  }

  /** The database could not be asked and nothing is cached: the device should try again later. */
  static final class DatabaseDownException extends RuntimeException {
    DatabaseDownException(Throwable cause) {
      super("device logins cannot be read: " + cause.getMessage(), cause);
    }
  }
}
