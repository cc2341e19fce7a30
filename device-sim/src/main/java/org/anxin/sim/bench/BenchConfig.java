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
 * {@code sosCount > 0} makes it the alarm bench. After registering, the run waits {@code settle} so that the gateway
 * has reread the registered devices (it does every {@code ANXIN_GATEWAY_DEVICE_REFRESH_MS}).
 */
public record BenchConfig(BrokerAddress broker, int devices, double rate, Duration duration, MqttQos qos,
                          DatabaseOptions db, boolean register, boolean keep, String prefix,
                          List<DeviceCredentials> given, String platformUser, String platformPassword,
                          int connectRate, Duration lateAfter, Duration drainTimeout, int copyBatch, int sosCount,
                          Duration settle) {

  public boolean alarms() {
    return sosCount > 0;
  }

  public BenchConfig withDrain(Duration drain) {
    return new BenchConfig(broker, devices, rate, duration, qos, db, register, keep, prefix, given, platformUser,
        platformPassword, connectRate, lateAfter, drain, copyBatch, sosCount, settle);
  }
}
