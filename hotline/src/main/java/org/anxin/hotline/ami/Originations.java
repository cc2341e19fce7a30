package org.anxin.hotline.ami;

import io.vertx.core.Future;
import org.anxin.hotline.HotlineMetrics;
import org.anxin.hotline.HotlineOptions;
import org.anxin.hotline.calls.CallStore;
import org.anxin.hotline.ivr.CallerId;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.BusFailure;
import org.anxin.infra.bus.hotline.OriginateReply;
import org.anxin.infra.bus.hotline.OriginateRequest;
import org.anxin.infra.db.Database;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls the hotline places through Asterisk (Originate, asynchronous): voice escalation and callbacks for the
 * dispatcher ({@code hotline.originate}), care calls, and an operator's callback. One call per idempotency key; the
 * answered channel runs an AGI script ({@code callback} or {@code care}, by the dialplan of {@code anxin-outbound})
 * that reads the call's variables.
 */
public final class Originations {

  private static final Duration EVENT_GRACE = Duration.ofSeconds(10);
  /**
   * The dialplan context an answered outgoing call continues in: its extension names the AGI script. Through the
   * dialplan rather than {@code Application: AGI}, so the AMI user needs no {@code system} privilege.
   */
  static final String OUTBOUND_CONTEXT = "anxin-outbound";
  /** The context that dials the callee once the operator answered a callback. */
  static final String CALLBACK_CONTEXT = "anxin-callback";

  private final AmiConnection ami;
  private final Database database;
  private final CallStore calls;
  private final HotlineOptions options;
  private final HotlineMetrics metrics;

  public Originations(AmiConnection ami, Database database, CallStore calls, HotlineOptions options,
                      HotlineMetrics metrics) {
    this.ami = ami;
    this.database = database;
    this.calls = calls;
    this.options = options;
    this.metrics = metrics;
  }

  /** Places the call unless this key was placed before; answers once it is answered or has failed. */
  public Future<OriginateReply> originate(OriginateRequest request, String script) {
    String number = CallerId.sanitize(request.number());
    if (number.length() < 3) {
      return Future.failedFuture(BusException.badRequest("'" + request.number() + "' is not a phone number"));
    }
    if (!ami.up()) {
      return Future.failedFuture(new BusException(BusFailure.UNAVAILABLE, "Asterisk (AMI) is not connected"));
    }
    return claim(request, number).compose(fresh -> fresh ? place(request, number, script) : placedBefore(request));
  }

  private Future<OriginateReply> place(OriginateRequest request, String number, String script) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("ANXIN_ORIGINATION_KEY", request.key());
    vars.put("ANXIN_PURPOSE", request.purpose() == null ? "" : request.purpose());
    vars.put("ANXIN_ALARM_ID", request.alarmId() == null ? "" : request.alarmId().toString());
    vars.put("ANXIN_ELDER_ID", request.elderId() == null ? "" : request.elderId().toString());
    vars.put("ANXIN_NUMBER", number);
    OriginateAction action = new OriginateAction();
    action.setChannel(options.dial(number));
    action.setContext(OUTBOUND_CONTEXT);
    action.setExten(script);
    action.setPriority(1);
    action.setCallerId("12349");
    action.setTimeout(options.ringTimeout().toMillis());
    action.setAsync(true);
    action.setVariables(vars);
    return ami.sendForEvents(action, options.ringTimeout().plus(EVENT_GRACE))
        .compose(events -> recordOutcome(request, number, null, events))
        .recover(e -> outcome(request.key(), false, null, "no answer from Asterisk: " + e.getMessage()));
  }

  /** An operator's callback: ring their extension, then the dialplan dials the number ({@code anxin-callback}). */
  public Future<OriginateReply> callback(String key, String operatorInterface, String username, String rawNumber,
                                         Long elderId) {
    String number = CallerId.sanitize(rawNumber).replace("+", "00");
    if (number.length() < 3) {
      return Future.failedFuture(BusException.badRequest("'" + rawNumber + "' is not a phone number"));
    }
    OriginateRequest request = new OriginateRequest(key, number, "OPERATOR_CALLBACK", null, elderId, null);
    if (!ami.up()) {
      return Future.failedFuture(new BusException(BusFailure.UNAVAILABLE, "Asterisk (AMI) is not connected"));
    }
    return claim(request, number).compose(fresh -> {
      if (!fresh) {
        return placedBefore(request);
      }
      OriginateAction action = new OriginateAction();
      action.setChannel(operatorInterface);
      action.setContext(CALLBACK_CONTEXT);
      action.setExten(number);
      action.setPriority(1);
      action.setCallerId("12349");
      action.setTimeout(options.ringTimeout().toMillis());
      action.setAsync(true);
      return ami.sendForEvents(action, options.ringTimeout().plus(EVENT_GRACE))
          .compose(events -> recordOutcome(request, number, username, events));
    });
  }

  /** The number to call for an elder: their phone, else their household's landline. */
  public Future<String> elderNumber(long elderId) {
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(AmiSql.ELDER_PHONE)) {
        ps.setLong(1, elderId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next() || rs.getString(1) == null) {
            throw BusException.notFound("no phone number for elder " + elderId);
          }
          return rs.getString(1);
        }
      }
    });
  }

  private Future<OriginateReply> recordOutcome(OriginateRequest request, String number, String agent,
                                               ResponseEvents events) {
    OriginateResponseEvent response = events.getEvents().stream()
        .filter(OriginateResponseEvent.class::isInstance).map(OriginateResponseEvent.class::cast)
        .findFirst().orElse(null);
    if (response == null || !"Success".equalsIgnoreCase(response.getResponse())) {
      String why = response == null ? "no OriginateResponse" : "not answered (reason " + response.getReason() + ")";
      metrics.origination(request.purpose(), false);
      return outcome(request.key(), false, null, why);
    }
    return calls.open(response.getUniqueId(), number, "OUTBOUND")
        .compose(callId -> database.withConnection(c -> {
          try (PreparedStatement ps = c.prepareStatement(AmiSql.OUTBOUND_CALL)) {
            ps.setObject(1, request.elderId(), Types.BIGINT);
            ps.setString(2, agent);
            ps.setString(3, request.purpose());
            ps.setLong(4, callId);
            ps.executeUpdate();
            return callId;
          }
        }))
        .compose(callId -> outcome(request.key(), true, callId, "answered"))
        .onSuccess(r -> metrics.origination(request.purpose(), true));
  }

  private Future<Boolean> claim(OriginateRequest request, String number) {
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(AmiSql.CLAIM)) {
        ps.setString(1, request.key());
        ps.setString(2, request.purpose() == null ? "CALL" : request.purpose());
        ps.setString(3, number);
        ps.setObject(4, request.alarmId(), Types.BIGINT);
        ps.setObject(5, request.elderId(), Types.BIGINT);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private Future<OriginateReply> placedBefore(OriginateRequest request) {
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(AmiSql.PLACED)) {
        ps.setString(1, request.key());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new OriginateReply(rs.getBoolean(1), (Long) rs.getObject(2),
              "already placed for key " + request.key() + ": " + rs.getString(3));
        }
      }
    });
  }

  private Future<OriginateReply> outcome(String key, boolean answered, Long callId, String detail) {
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(AmiSql.OUTCOME)) {
        ps.setBoolean(1, answered);
        ps.setObject(2, callId, Types.BIGINT);
        ps.setString(3, detail);
        ps.setString(4, key);
        ps.executeUpdate();
        return new OriginateReply(answered, callId, detail);
      }
    });
  }
}
