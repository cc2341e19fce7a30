package org.anxin.sim.pbx;

/**
 * How a simulated call ended.
 *
 * @param agi the IVR session (null when the call never reached it)
 * @param queuePosition the position it joined the operator queue at (null: it never queued)
 * @param answeredBy the queue member (name) who answered, or null
 * @param abandoned whether the caller hung up while waiting in the queue
 */
public record CallResult(String uniqueId, AgiOutcome agi, Integer queuePosition, String answeredBy,
                         boolean abandoned) {
}
