package org.anxin.gateway;

import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;

/**
 * The gateway's settings, each read from its {@code ANXIN_GATEWAY_*} variable.
 *
 * @param clientId MQTT client id; stable across restarts so the broker keeps the session for it
 * @param sessionExpirySeconds how long the broker keeps the session (and queues messages) while the gateway is away
 * @param batchSize messages per database batch
 * @param lingerMs how long a batch that is not full waits for more messages
 * @param receiveMaximum unacknowledged QoS 1 messages the broker may send at once (MQTT 5 Receive Maximum)
 * @param queueLimit messages held between Paho's thread and the batcher; when full, Paho's thread waits
 * @param rejectCap rows kept in {@code rejected_messages}; older ones are dropped
 * @param deviceRefreshMs how often the set of registered devices is reread
 * @param stateFlushMs how often changed device state is written to {@code device_state}
 * @param retryMaxMs the longest wait between retries of a batch the database refused
 * @param parallelBatches batches stored at once, each in its own transaction; their messages are still
 *     acknowledged in the order received
 */
public record GatewayOptions(String clientId, long sessionExpirySeconds, int batchSize, long lingerMs,
                             int receiveMaximum, int queueLimit, int rejectCap, long deviceRefreshMs,
                             long stateFlushMs, long retryMaxMs, int parallelBatches) {

  public static final String CLIENT_ID = "ANXIN_GATEWAY_CLIENT_ID";
  public static final String SESSION_EXPIRY_S = "ANXIN_GATEWAY_SESSION_EXPIRY_S";
  public static final String BATCH_SIZE = "ANXIN_GATEWAY_BATCH_SIZE";
  public static final String LINGER_MS = "ANXIN_GATEWAY_LINGER_MS";
  public static final String RECEIVE_MAXIMUM = "ANXIN_GATEWAY_RECEIVE_MAXIMUM";
  public static final String QUEUE_LIMIT = "ANXIN_GATEWAY_QUEUE_LIMIT";
  public static final String REJECT_CAP = "ANXIN_GATEWAY_REJECT_CAP";
  public static final String DEVICE_REFRESH_MS = "ANXIN_GATEWAY_DEVICE_REFRESH_MS";
  public static final String STATE_FLUSH_MS = "ANXIN_GATEWAY_STATE_FLUSH_MS";
  public static final String RETRY_MAX_MS = "ANXIN_GATEWAY_RETRY_MAX_MS";
  public static final String PARALLEL_BATCHES = "ANXIN_GATEWAY_PARALLEL_BATCHES";

  public GatewayOptions {
    if (clientId == null || clientId.isBlank() || clientId.length() > 64) {
      throw new ConfigException(CLIENT_ID + " must be 1 to 64 characters");
    }
    positive(SESSION_EXPIRY_S, sessionExpirySeconds);
    positive(BATCH_SIZE, batchSize);
    positive(LINGER_MS, lingerMs);
    positive(QUEUE_LIMIT, queueLimit);
    positive(REJECT_CAP, rejectCap);
    positive(DEVICE_REFRESH_MS, deviceRefreshMs);
    positive(STATE_FLUSH_MS, stateFlushMs);
    positive(RETRY_MAX_MS, retryMaxMs);
    positive(PARALLEL_BATCHES, parallelBatches);
    if (receiveMaximum < 1 || receiveMaximum > 65_535) {
      throw new ConfigException(RECEIVE_MAXIMUM + " must be between 1 and 65535, not " + receiveMaximum);
    }
    if (receiveMaximum < (parallelBatches + 1L) * batchSize) {
      throw new ConfigException(RECEIVE_MAXIMUM + " (" + receiveMaximum + ") must be at least ("
          + PARALLEL_BATCHES + " + 1) x " + BATCH_SIZE + " (" + (parallelBatches + 1L) * batchSize
          + "), or the broker stops sending while batches are stored");
    }
  }

  public static GatewayOptions from(Settings s) {
    return new GatewayOptions(
        s.string(CLIENT_ID, "anxin-gateway-1"),
        s.longValue(SESSION_EXPIRY_S, 86_400),
        s.integer(BATCH_SIZE, 1_000),
        s.longValue(LINGER_MS, 20),
        s.integer(RECEIVE_MAXIMUM, 10_000),
        s.integer(QUEUE_LIMIT, 10_000),
        s.integer(REJECT_CAP, 10_000),
        s.longValue(DEVICE_REFRESH_MS, 5_000),
        s.longValue(STATE_FLUSH_MS, 5_000),
        s.longValue(RETRY_MAX_MS, 5_000),
        s.integer(PARALLEL_BATCHES, 2));
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw new ConfigException(key + " must be greater than 0, not " + value);
    }
  }
}
