package org.anxin.hotline;

import org.anxin.infra.config.ConfigException;
import org.anxin.infra.config.Settings;

import java.time.Duration;

/**
 * The hotline's settings. AMI is off unless {@code ANXIN_AMI_HOST} is set.
 *
 * @param agiHost address the FastAGI server binds to (loopback unless configured)
 * @param agiPort its port; 0 picks a free one
 * @param agiThreads the most calls the IVR runs at once (each holds one Asterisk-Java thread)
 * @param busTimeout how long an IVR step waits for another module on the bus before the call goes to an operator
 * @param queue the Asterisk queue operators answer (as in {@code queues.conf})
 * @param dialTemplate the channel an outgoing call dials, {@code {number}} replaced by the number
 * @param ringTimeout how long an outgoing call rings
 */
public record HotlineOptions(String agiHost, int agiPort, int agiThreads, Duration busTimeout, String amiHost,
                             int amiPort, String amiUser, String amiPassword, Duration amiRetryMax, String queue,
                             String dialTemplate, Duration ringTimeout) {

  public static final String AGI_HOST = "ANXIN_AGI_HOST";
  public static final String AGI_PORT = "ANXIN_AGI_PORT";
  public static final String AGI_THREADS = "ANXIN_AGI_THREADS";
  public static final String BUS_TIMEOUT_MS = "ANXIN_HOTLINE_BUS_TIMEOUT_MS";
  public static final String AMI_HOST = "ANXIN_AMI_HOST";
  public static final String AMI_PORT = "ANXIN_AMI_PORT";
  public static final String AMI_USER = "ANXIN_AMI_USER";
  public static final String AMI_PASSWORD = "ANXIN_AMI_PASSWORD";
  public static final String AMI_RETRY_MAX_MS = "ANXIN_AMI_RETRY_MAX_MS";
  public static final String QUEUE = "ANXIN_HOTLINE_QUEUE";
  public static final String DIAL = "ANXIN_HOTLINE_DIAL";
  public static final String RING_TIMEOUT_S = "ANXIN_HOTLINE_RING_TIMEOUT_S";

  public static HotlineOptions from(Settings s) {
    if (s.isSet(AMI_HOST) && !s.isSet(AMI_PASSWORD)) {
      throw new ConfigException(AMI_HOST + " is set but " + AMI_PASSWORD + " is not: the hotline cannot log in to AMI");
    }
    return new HotlineOptions(s.string(AGI_HOST, "127.0.0.1"), s.integer(AGI_PORT, 4573),
        s.integer(AGI_THREADS, 400), Duration.ofMillis(s.longValue(BUS_TIMEOUT_MS, 3_000)), s.optional(AMI_HOST),
        s.integer(AMI_PORT, 5038), s.string(AMI_USER, "anxin"), s.optional(AMI_PASSWORD),
        Duration.ofMillis(s.longValue(AMI_RETRY_MAX_MS, 30_000)), s.string(QUEUE, "anxin-12349"),
        s.string(DIAL, "PJSIP/{number}@anxin-trunk"), Duration.ofSeconds(s.longValue(RING_TIMEOUT_S, 30)));
  }

  public boolean amiEnabled() {
    return amiHost != null;
  }

  /** The channel that dials {@code number}; the number is checked by the caller. */
  public String dial(String number) {
    return dialTemplate.replace("{number}", number);
  }
}
