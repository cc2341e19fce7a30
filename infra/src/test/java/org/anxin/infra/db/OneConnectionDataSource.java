package org.anxin.infra.db;

import org.postgresql.ds.PGSimpleDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A data source that hands out one physical connection again and again, ignoring close(). The PGlite-based
 * TimescaleDB used in tests serves one connection at a time, while Flyway opens a second one and would wait forever.
 */
final class OneConnectionDataSource extends PGSimpleDataSource {

  private transient Connection shared;

  OneConnectionDataSource(String url, String user, String password) {
    setUrl(url);
    setUser(user);
    setPassword(password);
  }

  @Override
  public synchronized Connection getConnection() throws SQLException {
    if (shared == null) {
      Connection physical = super.getConnection(getUser(), getPassword());
      shared = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              return null;
            }
            try {
              return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
    return shared;
  }

  /** Closes the one physical connection. */
  synchronized void closeShared() throws SQLException {
    if (shared != null) {
      shared.unwrap(Connection.class).close();
      shared = null;
    }
  }
}
