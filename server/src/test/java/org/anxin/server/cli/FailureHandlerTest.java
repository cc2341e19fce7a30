package org.anxin.server.cli;

import org.anxin.infra.config.ConfigException;
import org.anxin.infra.db.DatabaseUnavailableException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("A failed start is told in one sentence")
class FailureHandlerTest {

  @Test
  @DisplayName("a setting's problem, however deeply wrapped, is its own message")
  void configProblemIsItsMessage() {
    // GIVEN a taken MQTT port reported from a worker thread
    Exception e = new IllegalStateException(new ConfigException(
        "ANXIN_MQTT_PORT asks for port 1883 on 127.0.0.1, but another program already listens there."));
    // WHEN it is turned into the sentence for stderr
    // THEN the sentence is the setting's
    assertEquals("Anxin did not start: ANXIN_MQTT_PORT asks for port 1883 on 127.0.0.1, but another program "
        + "already listens there.", FailureHandler.sentence(e));
  }

  @Test
  @DisplayName("a driver's advice after the first sentence is left out")
  void driverAdviceIsCut() {
    // GIVEN pgjdbc's two-sentence message
    Exception e = new DatabaseUnavailableException("The database at jdbc:postgresql://db:5432/anxin cannot be "
        + "reached: Connection to db:5432 refused. Check that the hostname and port are correct.",
        new ConnectException());
    // THEN only the first sentence is kept
    assertEquals("Anxin did not start: The database at jdbc:postgresql://db:5432/anxin cannot be reached: "
        + "Connection to db:5432 refused.", FailureHandler.sentence(e));
  }

  @Test
  @DisplayName("an unexpected failure names its root cause and points at the log")
  void unexpectedPointsAtTheLog() {
    Exception e = new RuntimeException("wrapper", new IllegalArgumentException("no such file: /x"));
    assertEquals("Anxin did not start: no such file: /x (details in the log above).", FailureHandler.sentence(e));
  }
}
