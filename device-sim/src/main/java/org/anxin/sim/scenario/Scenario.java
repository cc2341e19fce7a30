package org.anxin.sim.scenario;

/** One situation played by one device on its own connection; blocking, paced by {@link Pace}. */
@FunctionalInterface
public interface Scenario {

  void play(ScenarioContext context) throws InterruptedException;
}
