package org.anxin.sim.pbx;

/**
 * The simulated PBX's settings.
 *
 * @param amiPort the manager port to listen on (0: a free one)
 * @param agiHost where the FastAGI server of inbound calls is (the dialplan's {@code agi://host:port/ivr})
 * @param promptMs how long each prompt "plays" before its answer (0: at once)
 * @param ringMs how long a queue member or an outgoing call rings before answering
 */
public record PbxOptions(String amiHost, int amiPort, String amiUser, String amiSecret, String agiHost, int agiPort,
                         String queue, long promptMs, long ringMs) {

  public static PbxOptions local(int agiPort, String amiSecret) {
    return new PbxOptions("127.0.0.1", 0, "anxin", amiSecret, "127.0.0.1", agiPort, "anxin-12349", 0, 20);
  }

  public PbxOptions withPromptMs(long ms) {
    return new PbxOptions(amiHost, amiPort, amiUser, amiSecret, agiHost, agiPort, queue, ms, ringMs);
  }
}
