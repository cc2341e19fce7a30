package org.anxin.infra.node;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.config.Settings;
import org.anxin.infra.db.Database;
import org.anxin.infra.http.HealthChecks;
import org.anxin.infra.mqtt.MqttOptions;

/** What a node gives each module it runs: settings, the database, the broker, metrics and the shared HTTP router. */
public record NodeContext(Settings settings, NodeOptions node, Database database, MqttOptions mqtt,
                          MeterRegistry registry, Router router, HealthChecks health) {
}
