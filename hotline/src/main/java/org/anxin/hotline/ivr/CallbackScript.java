package org.anxin.hotline.ivr;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.anxin.hotline.agi.AgiWait;
import org.anxin.hotline.calls.CallStore;
import org.anxin.infra.bus.dispatch.AlarmAction;
import org.anxin.infra.bus.dispatch.AlarmCommand;
import org.anxin.infra.bus.dispatch.DispatchBus;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

import java.time.Duration;

/**
 * A voice call about an alarm ({@code agi://…/callback}), placed for the dispatcher's escalation: reads out the
 * alarm and asks for 1; a 1 acknowledges the alarm through the dispatcher ({@code alarm.command}), actor
 * {@code ivr:<number>}.
 */
public final class CallbackScript implements AgiScript {

  /** 老人发出了紧急求助，确认收到请按1。 */
  static final String ALERT = "anxin/alarm-alert";
  /** 您的紧急求助已收到，工作人员正在处理，确认请按1。 */
  static final String CALLBACK = "anxin/alarm-callback";
  /** 已确认，谢谢。 */
  static final String ACKNOWLEDGED = "anxin/ack-thanks";
  /** 确认未成功，工作人员会再联系您。 */
  static final String NOT_ACKNOWLEDGED = "anxin/ack-failed";
  private static final int ATTEMPTS = 3;

  private final Context context;
  private final DispatchBus dispatch;
  private final CallStore calls;
  private final Duration timeout;

  public CallbackScript(Context context, DispatchBus dispatch, CallStore calls, Duration timeout) {
    this.context = context;
    this.dispatch = dispatch;
    this.calls = calls;
    this.timeout = timeout;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    String number = CallerId.sanitize(channel.getVariable("ANXIN_NUMBER"));
    Long callId = AgiWait.await(calls.open(request.getUniqueId(), number, "OUTBOUND"), timeout).orElse(null);
    Long alarmId = parse(channel.getVariable("ANXIN_ALARM_ID"));
    boolean acknowledged = false;
    try {
      channel.answer();
      String prompt = "ALARM_ALERT".equals(channel.getVariable("ANXIN_PURPOSE")) ? ALERT : CALLBACK;
      for (int attempt = 0; attempt < ATTEMPTS && !acknowledged; attempt++) {
        if ("1".equals(channel.getData(prompt, 5_000, 1)) && alarmId != null) {
          acknowledged = acknowledge(alarmId, number, callId);
          channel.streamFile(acknowledged ? ACKNOWLEDGED : NOT_ACKNOWLEDGED);
          break;
        }
      }
    } catch (AgiHangupException e) {
      record(callId, "CALLBACK_HANGUP", new JsonObject().put("alarmId", alarmId));
    }
    record(callId, "CALLBACK_END", new JsonObject().put("alarmId", alarmId).put("acknowledged", acknowledged));
  }

  private boolean acknowledge(long alarmId, String number, Long callId) {
    Promise<Boolean> done = Promise.promise();
    context.runOnContext(v -> dispatch.command(new AlarmCommand(alarmId, AlarmAction.ACKNOWLEDGE, "ivr:" + number,
        "acknowledged by key press on call " + callId)).map(true).onComplete(done));
    boolean ok = AgiWait.await(done.future(), timeout).orElse(false);
    record(callId, ok ? "ALARM_ACK" : "ALARM_ACK_FAILED", new JsonObject().put("alarmId", alarmId));
    return ok;
  }

  private void record(Long callId, String kind, JsonObject details) {
    if (callId != null) {
      Future<Void> written = calls.event(callId, kind, details);
      AgiWait.await(written, timeout);
    }
  }

  private static Long parse(String v) {
    try {
      return v == null || v.isBlank() ? null : Long.valueOf(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
