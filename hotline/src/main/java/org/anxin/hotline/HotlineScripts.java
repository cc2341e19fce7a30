package org.anxin.hotline;

import io.vertx.core.Context;
import org.anxin.hotline.agi.ScriptSet;
import org.anxin.hotline.calls.CallStore;
import org.anxin.hotline.care.CareScript;
import org.anxin.hotline.ivr.CallbackScript;
import org.anxin.hotline.ivr.IvrActions;
import org.anxin.hotline.ivr.IvrScript;
import org.anxin.hotline.ivr.IvrStart;
import org.anxin.infra.alarm.AlarmRaiser;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.anxin.infra.bus.orders.OrderBus;
import org.anxin.infra.db.Database;
import org.asteriskjava.fastagi.AgiScript;

import java.util.Map;

/**
 * The hotline's FastAGI scripts by name: {@code ivr} (the 12349 entry point), {@code callback} (voice escalation of
 * an alarm) and {@code care} (proactive care calls). Holds the alarm raiser the emergency key uses.
 */
public final class HotlineScripts implements ScriptSet {

  private final HotlineOptions options;
  private final Database database;
  private final AlarmRaiser raiser;
  private final HotlineMetrics metrics;

  public HotlineScripts(HotlineOptions options, Database database, AlarmRaiser raiser, HotlineMetrics metrics) {
    this.options = options;
    this.database = database;
    this.raiser = raiser;
    this.metrics = metrics;
  }

  @Override
  public Map<String, AgiScript> scripts(Context context) {
    CallStore calls = new CallStore(database);
    IvrActions actions = new IvrActions(context, new OrderBus(context.owner().eventBus()), raiser);
    return Map.of(
        "ivr", new IvrScript(calls, new IvrStart(database), actions, options.busTimeout(), metrics),
        "callback", new CallbackScript(context, new DispatchBus(context.owner().eventBus()), calls,
            options.busTimeout()),
        "care", new CareScript(database, calls, options.busTimeout()));
  }

  @Override
  public void close() {
    raiser.close();
  }
}
