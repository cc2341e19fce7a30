package org.anxin.server;

/** The server's command line. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    System.out.println("anxin-server");
  }
}
