package org.anxin.gateway.alarm;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import org.anxin.gateway.decode.Decoded;
import org.anxin.gateway.decode.MessageDecoder;
import org.anxin.gateway.decode.MessageRejectedException;
import org.anxin.gateway.mqtt.Arrival;
import org.anxin.gateway.mqtt.ManualAckSession;
import org.anxin.gateway.rules.RuleActions;
import org.anxin.gateway.rules.RuleBook;
import org.anxin.gateway.rules.RuleEngine;
import org.anxin.gateway.rules.RuleInput;
import org.anxin.gateway.rules.StoredDevice;
import org.anxin.infra.alarm.AlarmMetrics;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.alarm.AlarmRaiser;
import org.anxin.infra.alarm.AlarmSubject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.ClearRequest;
import org.anxin.infra.alarm.DeviceCommand;
import org.anxin.infra.alarm.RaiseRequest;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.config.NodeOptions;
import org.anxin.infra.db.Database;
import org.anxin.infra.mqtt.MqttOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's alarm half. Device events arrive twice: on the alarm path's own MQTT session, in a shared group of
 * its own ({@link #SHARED_EVENTS}; the broker gives every event to this group as well as to the storage group), which
 * no telemetry backlog or database outage holds back, and with the stored stream; the event rules run on the first
 * copy, which is acknowledged once its alarms are in the outbox. Every message of the stored stream goes through the stateful rules on the
 * ingest event loop before its batch is stored. Alarms leave through {@link AlarmRaiser} (published at once, stored
 * on their own path). Settings and owners are reread on a timer and on {@code rules.changed}; open alarms with them.
 * Call {@link #start} and {@link #accept} from the same event loop.
 */
public final class AlarmRules implements RuleActions {

  static final String SHARED_EVENTS = "$share/anxin-alarms/anxin/v1/dev/+/event";
  private static final int RECEIVE_MAXIMUM = 65_535;
  private static final Logger LOG = LoggerFactory.getLogger(AlarmRules.class);

  private final AlarmRulesOptions options;
  private final AlarmOptions alarmOptions;
  private final Database database;
  private final AlarmMetrics metrics;
  private final CommandSender commands;
  private final MqttOptions mqtt;
  private final MessageDecoder decoder = new MessageDecoder(this::isKnown);
  private ManualAckSession events;
  private List<Future<Void>> durable;
  private final RuleBookLoader loader;
  private final RuleEngine engine;
  private final List<Long> timers = new ArrayList<>();
  private Map<String, StoredDevice> owners = Map.of();
  private AlarmRaiser raiser;
  private Vertx vertx;
  private MessageConsumer<Object> changes;

  public AlarmRules(AlarmRulesOptions options, AlarmOptions alarmOptions, NodeOptions node, Database database,
                    MqttOptions mqtt, MeterRegistry registry, Clock clock) {
    this.commands = new CommandSender(mqtt);
    this.mqtt = mqtt;
    this.metrics = new AlarmMetrics(registry);
    this.options = options;
    this.alarmOptions = alarmOptions;
    this.database = database;
    this.loader = new RuleBookLoader(database, node.timezone());
    this.engine = new RuleEngine(clock, RuleBook.empty(node.timezone()), options.offline(), this);
  }

  /**
   * Opens the outbox (replaying what it holds), loads settings, owners and open alarms, starts sending device
   * commands and the timers.
   */
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    return vertx.executeBlocking(() -> AlarmRaiser.start(vertx, database.dataSource(), alarmOptions, metrics))
        .compose(r -> {
          raiser = r;
          return reload();
        })
        .compose(v -> commands.start(vertx))
        .compose(v -> startEvents(vertx))
        .onSuccess(v -> startTimers());
  }

  private Future<Void> startEvents(Vertx vertx) {
    try {
      events = new ManualAckSession(vertx, mqtt, "Alarm rules", options.eventClientId(), SHARED_EVENTS,
          options.eventSessionExpiry(), RECEIVE_MAXIMUM);
    } catch (MqttException e) {
      return Future.failedFuture(e);
    }
    Context eventLoop = vertx.getOrCreateContext();
    return events.start(event -> eventLoop.runOnContext(v -> acceptEvent(event)));
  }

  /**
   * An event from the alarm path's own session: decoded and run through the event rules at once, acknowledged to
   * the broker when the alarms it raised are in the outbox. One that does not decode is acknowledged and left to
   * the storage path, which records why it was rejected.
   */
  private void acceptEvent(Arrival event) {
    RuleInput input;
    try {
      Decoded decoded = decoder.decode(event.topic(), event.payload(), event.receivedAt());
      input = decoded == null ? null : RuleInputs.from(decoded, owners.get(decoded.envelope().deviceId()));
    } catch (MessageRejectedException e) {
      input = null;
    }
    durable = new ArrayList<>();
    if (input != null) {
      engine.acceptEvent(input);
    }
    Future.all(durable).onComplete(ar -> events.ack(List.of(event)));
    durable = null;
  }

  private boolean isKnown(String deviceId) {
    return owners.containsKey(deviceId);
  }

  /** Runs the rules on one decoded message of the stored stream; never throws. */
  public void accept(Decoded message) {
    RuleInput input = RuleInputs.from(message, owners.get(message.envelope().deviceId()));
    if (input != null) {
      engine.accept(input);
    }
  }

  /** Rereads settings, owners and the stored device state (merged into the timer checks' view), and open alarms. */
  private Future<Void> reload() {
    return loader.load().compose(loaded -> {
      owners = loaded.owners();
      engine.useBook(loaded.book());
      loaded.owners().values().forEach(engine.liveness()::merge);
      return raiser.reloadOpen();
    }).mapEmpty();
  }

  private void startTimers() {
    timers.add(vertx.setPeriodic(options.check().toMillis(), id -> engine.check()));
    timers.add(vertx.setPeriodic(options.reload().toMillis(), id -> reloadQuietly()));
    changes = vertx.eventBus().consumer(Addresses.RULES_CHANGED, m -> reloadQuietly());
  }

  private void reloadQuietly() {
    reload().onFailure(e -> LOG.warn("Rereading the alarm rule settings failed: {}", e.getMessage()));
  }

  @Override
  public void raise(RaiseRequest request) {
    Future<Void> journalled = raiser.raise(request).onFailure(e -> LOG.error("Alarm {} published but not journalled: "
        + "{}", request.key(), e.getMessage()));
    if (durable != null) {
      durable.add(journalled);
    }
  }

  @Override
  public void clear(ClearRequest request) {
    raiser.resolveCondition(request);
  }

  @Override
  public void command(DeviceCommand command) {
    vertx.eventBus().request(Addresses.DEVICE_COMMAND, command.toJson())
        .onFailure(e -> LOG.warn("Command {} for {} failed: {}", command.name(), command.deviceId(), e.getMessage()));
  }

  @Override
  public boolean isOpen(AlarmSubject subject, AlarmType type) {
    return raiser.isOpen(subject, type);
  }

  /** Whether both of the alarm path's MQTT clients (device events in, commands out) are connected. */
  public boolean isConnected() {
    return events != null && events.isConnected() && commands.isConnected();
  }

  public Future<Void> stop() {
    timers.forEach(vertx::cancelTimer);
    if (changes != null) {
      changes.unregister();
    }
    Future<Void> stopEvents = events == null ? Future.succeededFuture() : events.stop();
    return stopEvents.eventually(() -> commands.stop()).eventually(() -> raiser == null ? Future.succeededFuture()
        : vertx.executeBlocking(() -> {
          raiser.close();
          return null;
        }));
  }
}
