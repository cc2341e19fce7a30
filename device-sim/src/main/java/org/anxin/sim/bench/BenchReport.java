package org.anxin.sim.bench;

import io.vertx.core.json.JsonObject;
import org.anxin.sim.fleet.SimStats;

/** What a benchmark run measured, as JSON and as a table for people. */
public record BenchReport(BenchConfig config, long connected, OpenLoopDriver.Result drive, SimStats.Snapshot counts,
                          long drainMs, Latency.Percentiles publishToAck, BenchDatabase.Committed committed,
                          long rejected, CountingSubscriber.Result brokerOnly, BenchDatabase.CopyResult copyOnly,
                          AlarmResult alarms) {

  /** The alarm bench's part: SOS pressed, alarm rows found for them, and the time in between. */
  public record AlarmResult(long sosSent, long raised, Latency.Percentiles publishToAlarm, String note) {
  }

  public double loadSeconds() {
    return Math.max(1, drive.endedMs() - drive.startedMs()) / 1000.0;
  }

  /** Committed rows per second, from the start of the load until the count stopped growing. */
  public double committedPerSecond() {
    return committed == null ? 0 : committed.rows() * 1000.0 / Math.max(1, committed.settledAtMs()
        - drive.startedMs());
  }

  public double brokerOnlyPerSecond() {
    return brokerOnly.received() * 1000.0 / Math.max(1, brokerOnly.lastReceivedMs() - drive.startedMs());
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("bench", config.alarms() ? "alarm" : "ingest")
        .put("broker", config.broker().toString())
        .put("devices", config.devices()).put("connected", connected)
        .put("rate_per_s", config.rate()).put("duration_s", config.duration().toSeconds())
        .put("qos", config.qos().getCode())
        .put("sent", drive.sent()).put("late_sends", drive.late())
        .put("scheduler_lateness_ms", percentiles(drive.lateness()))
        .put("acknowledged", counts.acked()).put("errors", counts.errors())
        .put("committed", committed == null ? null : committed.rows())
        .put("rejected", rejected)
        .put("throughput_per_s", new JsonObject()
            .put("sent", round(drive.sent() / loadSeconds()))
            .put("acknowledged", round(counts.acked() / loadSeconds()))
            .put("committed", committed == null ? null : round(committedPerSecond())))
        .put("publish_to_ack_ms", percentiles(publishToAck))
        .put("broker_only", new JsonObject().put("received", brokerOnly.received())
            .put("per_s", round(brokerOnlyPerSecond()))
            .put("publish_to_delivery_ms", percentiles(brokerOnly.publishToDelivery())))
        .put("copy_only", copyOnly == null ? null : new JsonObject().put("rows", copyOnly.rows())
            .put("ms", copyOnly.millis()).put("rows_per_s", round(copyOnly.rowsPerSecond()))
            .put("batch", config.copyBatch()));
    if (alarms != null) {
      json.put("alarm", new JsonObject().put("sos_sent", alarms.sosSent()).put("raised", alarms.raised())
          .put("publish_to_alarm_ms", percentiles(alarms.publishToAlarm())).put("note", alarms.note()));
    }
    return json;
  }

  public String table() {
    StringBuilder t = new StringBuilder();
    row(t, "load", "%d devices (%d connected), %.0f msg/s for %d s, QoS %d", config.devices(), connected,
        config.rate(), config.duration().toSeconds(), config.qos().getCode());
    row(t, "sent", "%d (%d late by > %d ms; %.0f/s)", drive.sent(), drive.late(), config.lateAfter().toMillis(),
        drive.sent() / loadSeconds());
    row(t, "acknowledged", "%d (%d errors; %.0f/s; drained in %d ms)", counts.acked(), counts.errors(),
        counts.acked() / loadSeconds(), drainMs);
    row(t, "committed", committed == null ? "(no --db-url)" : "%d rows (%.0f/s); %d rejected",
        committed == null ? 0 : committed.rows(), committedPerSecond(), rejected);
    row(t, "publish→ack ms", "%s", line(publishToAck));
    row(t, "broker_only", "%d received (%.0f/s); publish→delivery ms %s", brokerOnly.received(),
        brokerOnlyPerSecond(), line(brokerOnly.publishToDelivery()));
    row(t, "copy_only", copyOnly == null ? "(no --db-url)" : "%d rows in %d ms (%.0f rows/s, batches of %d)",
        copyOnly == null ? 0 : copyOnly.rows(), copyOnly == null ? 0 : copyOnly.millis(),
        copyOnly == null ? 0 : copyOnly.rowsPerSecond(), config.copyBatch());
    if (alarms != null) {
      row(t, "SOS → alarm ms", "%d of %d raised; %s %s", alarms.raised(), alarms.sosSent(),
          line(alarms.publishToAlarm()), alarms.note());
    }
    return t.toString();
  }

  private static void row(StringBuilder t, String name, String format, Object... args) {
    t.append(String.format("%-16s %s%n", name, String.format(format, args)));
  }

  private static String line(Latency.Percentiles p) {
    return String.format("p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f (n=%d)", p.p50(), p.p90(), p.p99(),
        p.p999(), p.max(), p.count());
  }

  private static JsonObject percentiles(Latency.Percentiles p) {
    return new JsonObject().put("count", p.count()).put("p50", p.p50()).put("p90", p.p90()).put("p99", p.p99())
        .put("p99_9", p.p999()).put("max", p.max());
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
