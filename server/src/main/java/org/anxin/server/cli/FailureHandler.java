package org.anxin.server.cli;

import org.anxin.infra.config.ConfigException;
import org.anxin.infra.db.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed start into one sentence on stderr and exit status 1. A setting or a database the person starting
 * the node can fix gets its own sentence and no stack trace; anything unexpected also goes to the log in full.
 */
public final class FailureHandler implements IExecutionExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    cmd.getErr().println(sentence(e));
    cmd.getErr().flush();
    return 1;
  }

  static String sentence(Throwable e) {
    Throwable known = find(e);
    if (known != null) {
      return "Anxin did not start: " + firstSentence(known.getMessage()) + ".";
    }
    LOG.error("Anxin did not start", e);
    return "Anxin did not start: " + firstSentence(rootMessage(e)) + " (details in the log above).";
  }

  private static Throwable find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConfigException || t instanceof DatabaseUnavailableException) {
        return t;
      }
    }
    return null;
  }

  /**
   * The first sentence, without its full stop: drivers append advice ("Check that the hostname…"), and one sentence
   * is what a person reads.
   */
  static String firstSentence(String message) {
    String text = message == null ? "" : message.strip().replaceAll("\\s+", " ");
    int end = text.indexOf(". ");
    String first = end < 0 ? text : text.substring(0, end);
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
