package org.anxin.dispatcher.escalation;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.alarm.AlarmBus;
import org.anxin.infra.alarm.AlarmStored;

import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/**
 * Where the dispatcher learns of alarms: the shared raising code publishes {@code alarm.raised} before its
 * database write (no row id yet) and {@code alarm.stored} once the row exists; escalation starts from the latter,
 * which carries the id. An alarm whose message was missed (a dispatcher down at the time) is found by the
 * escalation scan, which picks up every open alarm not yet escalated. A repeat is taken from {@code alarm.stored}
 * too ({@code OCCURRENCE}): the database's word that an occurrence was added to that alarm, whichever raiser (and
 * however stale its idea of what is open) published it, and never for a redelivered message ({@code DUPLICATE}).
 */
final class AlarmFeed {

  private AlarmFeed() {
  }

  /**
   * Calls {@code opened} with each new alarm's id, {@code occurred} with the id and the raising key of each new
   * occurrence of an open alarm, and {@code closed} with each alarm that closed by itself.
   */
  static Future<MessageConsumer<JsonObject>> listen(EventBus bus, LongConsumer opened,
                                                    BiConsumer<Long, String> occurred, LongConsumer closed) {
    MessageConsumer<JsonObject> consumer = new AlarmBus(bus).onStored(stored -> {
      if (stored.alarmId() == null) {
        return;
      }
      if (stored.outcome() == AlarmStored.Outcome.OPENED) {
        opened.accept(stored.alarmId());
      } else if (stored.outcome() == AlarmStored.Outcome.OCCURRENCE) {
        occurred.accept(stored.alarmId(), stored.key());
      } else if (stored.outcome() == AlarmStored.Outcome.CLOSED) {
        closed.accept(stored.alarmId());
      }
    });
    return consumer.completion().map(consumer);
  }
}
