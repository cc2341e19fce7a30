package org.anxin.infra.config;

/** A setting that cannot be used; its message is one sentence meant for the person starting the node. */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
