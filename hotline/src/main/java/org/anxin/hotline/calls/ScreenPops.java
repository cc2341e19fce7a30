package org.anxin.hotline.calls;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.hotline.HotlineMetrics;
import org.anxin.infra.bus.stream.StreamBus;
import org.anxin.infra.bus.stream.StreamNotice;
import org.anxin.infra.db.Database;
import org.postgresql.util.PGobject;
import io.vertx.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The screen pop: when a call rings an operator's extension, that operator alone (by user id, on
 * {@code notify.stream}) gets the caller's record: the elder and household, open alarms, last location, recent
 * orders, the Party-member record, what the caller chose in the IVR, and the order the IVR placed (or may still be
 * placing) for this call, so that the operator does not enter it again.
 */
public final class ScreenPops {

  private static final Logger LOG = LoggerFactory.getLogger(ScreenPops.class);

  private final Database database;
  private final StreamBus stream;
  private final HotlineMetrics metrics;

  public ScreenPops(Database database, StreamBus stream, HotlineMetrics metrics) {
    this.database = database;
    this.stream = stream;
    this.metrics = metrics;
  }

  public Future<Void> pop(CallStore.CallRow call, String iface) {
    return database.withConnection(c -> {
      JsonObject operator = first(c, ScreenPopSql.OPERATOR, iface);
      if (operator == null) {
        LOG.warn("Call {} rings {}, which no operator is registered on; no screen pop", call.id(), iface);
        return null;
      }
      JsonObject record = new JsonObject().put("callId", call.id()).put("caller", call.callerNumber())
          .put("ivr", first(c, ScreenPopSql.CALL, call.id()))
          .put("ivrOrder", first(c, ScreenPopSql.IVR_ORDER, call.id()));
      if (call.elderId() != null) {
        record.put("elder", first(c, ScreenPopSql.ELDER, call.elderId()))
            .put("openAlarms", rows(c, ScreenPopSql.OPEN_ALARMS, call.elderId()))
            .put("lastLocation", first(c, ScreenPopSql.LAST_LOCATION, call.elderId()))
            .put("recentOrders", rows(c, ScreenPopSql.RECENT_ORDERS, call.elderId()));
      }
      long userId = operator.getLong("id");
      return new StreamNotice(List.of(userId), "screenpop:" + call.id() + ":" + userId, "call:" + call.id(),
          call.elderId(), "12349 来电 " + call.callerNumber(), record);
    }).map(notice -> {
      if (notice != null) {
        stream.publish(notice);
        metrics.screenPop();
      }
      return null;
    });
  }

  private static JsonObject first(Connection c, String sql, Object param) throws SQLException {
    JsonArray rows = rows(c, sql, param);
    return rows.isEmpty() ? null : rows.getJsonObject(0);
  }

  /** Rows as JSON objects keyed by column label. */
  private static JsonArray rows(Connection c, String sql, Object param) throws SQLException {
    JsonArray out = new JsonArray();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          JsonObject row = new JsonObject();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), value(rs.getObject(i)));
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  private static Object value(Object v) throws SQLException {
    if (v instanceof Array a) {
      return new JsonArray(List.of((Object[]) a.getArray()));
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof PGobject json && json.getValue() != null) {
      return Json.decodeValue(json.getValue());
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    return v;
  }
}
