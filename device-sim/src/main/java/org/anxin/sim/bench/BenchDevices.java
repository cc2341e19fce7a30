package org.anxin.sim.bench;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.fleet.DeviceCredentials;
import org.anxin.sim.fleet.DeviceType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The bench's devices and what they send: a wristband reading of realistic size and shape. */
public final class BenchDevices {

  private BenchDevices() {
  }

  public static String id(String prefix, int n) {
    return prefix + String.format("%05d", n);
  }

  /** Credentials for a broker that does not check them (anonymous Mosquitto). */
  public static List<DeviceCredentials> unregistered(String prefix, int count) {
    List<DeviceCredentials> devices = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      devices.add(new DeviceCredentials(id(prefix, i), "bench", DeviceType.WRISTBAND, null));
    }
    return devices;
  }

  /** A reading near the county centre; the body before stamping. */
  public static JsonObject reading() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new JsonObject()
        .put("lat", Math.round((30.27 + r.nextGaussian() * 0.05) * 1e6) / 1e6)
        .put("lon", Math.round((120.15 + r.nextGaussian() * 0.05) * 1e6) / 1e6)
        .put("acc", 5 + r.nextInt(20)).put("src", "gnss")
        .put("hr", 60 + r.nextInt(40)).put("spo2", 95 + r.nextInt(5))
        .put("bat", 20 + r.nextInt(80)).put("steps", r.nextInt(9000)).put("worn", true);
  }

  /** {@code n} CSV rows for the COPY baseline, in {@link BenchSql#COPY_COLUMNS} order. */
  static String copyRows(long firstSeq, int n) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String now = Instant.now().toString();
    StringBuilder rows = new StringBuilder(n * 120);
    for (int i = 0; i < n; i++) {
      long seq = firstSeq + i;
      rows.append("bench-copy-").append(seq % 10_000).append(",b1,").append(seq).append(',')
          .append(now).append(',').append(now).append(",false,")
          .append(30.27 + r.nextGaussian() * 0.05).append(',').append(120.15 + r.nextGaussian() * 0.05).append(',')
          .append(5 + r.nextInt(20)).append(",gnss,").append(60 + r.nextInt(40)).append(',')
          .append(95 + r.nextInt(5)).append(',').append(20 + r.nextInt(80)).append(',')
          .append(r.nextInt(9000)).append(",true\n");
    }
    return rows.toString();
  }
}
