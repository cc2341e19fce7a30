package org.anxin.gateway.store;

import io.vertx.core.Future;
import org.anxin.infra.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids of registered, enabled devices, reread from {@code devices} on a timer so a device registered while the
 * gateway runs is accepted within one refresh. Read from the event loop, replaced whole by a refresh.
 */
public final class DeviceDirectory {

  private final Database database;
  private volatile Set<String> ids = Set.of();

  public DeviceDirectory(Database database) {
    this.database = database;
  }

  public boolean contains(String deviceId) {
    return ids.contains(deviceId);
  }

  public int size() {
    return ids.size();
  }

  /** Rereads the set; on failure the previous set stays in use. */
  public Future<Integer> refresh() {
    return database.withConnection(c -> {
      Set<String> fresh = new HashSet<>();
      try (PreparedStatement st = c.prepareStatement(GatewaySql.ENABLED_DEVICES)) {
        st.setFetchSize(10_000);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            fresh.add(rs.getString(1));
          }
        }
      }
      return fresh;
    }).map(fresh -> {
      ids = fresh;
      return fresh.size();
    });
  }
}
