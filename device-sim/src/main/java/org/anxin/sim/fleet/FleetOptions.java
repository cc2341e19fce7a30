package org.anxin.sim.fleet;

import org.anxin.sim.behaviour.HomeLocator;

import java.time.Instant;
import java.time.ZoneId;

/**
 * How a fleet runs: the broker, each link's options, the reporting interval (simulated seconds), the speed of the
 * simulated day and where it starts, the seed that makes behaviour repeatable, where people live, and how many
 * connections to open per second while ramping up.
 */
public record FleetOptions(BrokerAddress broker, LinkOptions link, int intervalS, double speed, Instant simStart,
                           ZoneId zone, long seed, HomeLocator homes, int connectsPerSecond) {
}
