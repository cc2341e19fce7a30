package org.anxin.infra.db;

/** The database cannot be reached or used; the message is one sentence for the person starting the node. */
public class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
