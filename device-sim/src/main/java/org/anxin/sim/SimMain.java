package org.anxin.sim;

/** The simulator's command line; its commands come with issue #4. */
public final class SimMain {

  private SimMain() {
  }

  public static void main(String[] args) {
    System.out.println("anxin-sim: the device simulator comes with issue #4");
  }
}
