package org.anxin.console.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.anxin.console.ConsoleOptions;
import org.anxin.console.api.ApiException;
import org.anxin.console.audit.AuditLog;
import org.anxin.console.sql.UserSql;
import org.anxin.infra.db.Database;
import org.anxin.infra.security.PasswordHasher;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * Checks a username and password against {@code users.password_hash} and keeps the lockout: after
 * {@code maxFailedLogins} wrong passwords in a row the account is locked for {@code lockout}, even to the right
 * password. An unknown username costs the same hashing time as a known one and gets the same answer.
 */
public final class Logins {

  /**
   * Hashed once, on the first unknown username, so that its login takes as long as one of a known user; a holder
   * class, so that the hashing runs on the database worker that first needs it, not on an event loop.
   */
  private static final class Decoy {
    static final String HASH = PasswordHasher.hash("decoy password nobody has");
  }

  private final Database database;
  private final ConsoleOptions options;
  private final Clock clock;

  public Logins(Database database, ConsoleOptions options, Clock clock) {
    this.database = database;
    this.options = options;
    this.clock = clock;
  }

  /** The user id when the password is right and the account open; else fails with 401 or 423. */
  public Future<Long> check(String username, String password) {
    return database.inTransaction(c -> {
      UserSql.LoginRow row = UserSql.forLogin(c, username);
      Instant now = clock.instant();
      if (row == null || row.disabled()) {
        PasswordHasher.matches(password, Decoy.HASH);
        AuditLog.write(c, null, username, "login.failed", "user", null, new JsonObject().put("reason", "unknown"));
        return null;
      }
      if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
        AuditLog.write(c, row.id(), username, "login.locked", "user", row.id(), null);
        throw new ApiException(423, "locked", "too many wrong passwords: this account is locked until "
            + row.lockedUntil());
      }
      boolean right = PasswordHasher.matches(password, row.passwordHash());
      return right ? succeeded(c, row) : failed(c, row, now);
    }).compose(id -> id == null ? Future.failedFuture(ApiException.unauthorized("wrong username or password"))
        : Future.succeededFuture(id));
  }

  private static Long succeeded(Connection c, UserSql.LoginRow row) throws SQLException {
    UserSql.setFailures(c, row.id(), 0, null);
    AuditLog.write(c, row.id(), row.username(), "login", "user", row.id(), null);
    return row.id();
  }

  /** Counts the failure; a lock that has run out starts the count again. */
  private Long failed(Connection c, UserSql.LoginRow row, Instant now) throws SQLException {
    boolean lockExpired = row.lockedUntil() != null;
    int failures = (lockExpired ? 0 : row.failedLogins()) + 1;
    Instant lockedUntil = failures >= options.maxFailedLogins() ? now.plus(options.lockout()) : null;
    UserSql.setFailures(c, row.id(), failures, lockedUntil);
    AuditLog.write(c, row.id(), row.username(), "login.failed", "user", row.id(),
        new JsonObject().put("failures", failures).put("locked", lockedUntil != null));
    return null;
  }
}
