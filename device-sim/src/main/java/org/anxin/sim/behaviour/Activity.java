package org.anxin.sim.behaviour;

/** What the person is doing at a moment of the day. */
public enum Activity {
  SLEEP, MEAL, WALK, HOME
}
