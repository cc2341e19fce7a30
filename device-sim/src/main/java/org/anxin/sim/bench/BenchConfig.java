package org.anxin.sim.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import org.anxin.infra.db.DatabaseOptions;
import org.anxin.sim.fleet.BrokerAddress;
import org.anxin.sim.fleet.DeviceCredentials;

import java.time.Duration;
import java.util.List;

/**
 * One benchmark run: the load ({@code devices} sending {@code rate} messages a second in all for {@code duration}
 * at telemetry {@code qos}), where it goes, the database to count commits in ({@code null}: no committed count, no
 * COPY baseline), and where the devices come from: registered for the run ({@code register}), a credentials file
 * ({@code given}), or made up for a broker that does not check them. Their ids start with {@code prefix}.
 * {@code sosCount > 0} makes it the alarm bench.
 */
public record BenchConfig(BrokerAddress broker, int devices, double rate, Duration duration, MqttQos qos,
                          DatabaseOptions db, boolean register, boolean keep, String prefix,
                          List<DeviceCredentials> given, String platformUser, String platformPassword,
                          int connectRate, Duration lateAfter, Duration drainTimeout, int copyBatch, int sosCount) {

  public boolean alarms() {
    return sosCount > 0;
  }
}
