package org.anxin.hotline.ami;

import io.vertx.core.Future;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.calls.HotlineAnswer;
import org.anxin.infra.bus.calls.HotlineRequest;
import org.anxin.infra.db.Database;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Operators on the queue: log-in (QueueAdd with the username as member name, so call records name the operator),
 * pause and resume (QueuePause), log-out (QueueRemove), on the extension registered for the user.
 */
public final class QueueMembers {

  private final AmiConnection ami;
  private final Database database;
  private final String queue;

  public QueueMembers(AmiConnection ami, Database database, String queue) {
    this.ami = ami;
    this.database = database;
    this.queue = queue;
  }

  public Future<HotlineAnswer> login(HotlineRequest r) {
    return registerExtension(r).compose(v -> interfaceOf(r.userId())).compose(iface -> {
      QueueAddAction add = new QueueAddAction(queue, iface);
      add.setMemberName(r.username());
      add.setPaused(false);
      return send(add);
    });
  }

  public Future<HotlineAnswer> pause(HotlineRequest r, boolean paused) {
    return interfaceOf(r.userId()).compose(iface -> {
      QueuePauseAction pause = new QueuePauseAction(iface, queue, paused);
      pause.setReason(r.note());
      return send(pause);
    });
  }

  public Future<HotlineAnswer> logout(HotlineRequest r) {
    return interfaceOf(r.userId()).compose(iface -> send(new QueueRemoveAction(queue, iface)));
  }

  /** The Asterisk interface of the operator's extension; 404 when none is registered. */
  public Future<String> interfaceOf(long userId) {
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(AmiSql.INTERFACE)) {
        ps.setLong(1, userId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw BusException.notFound("user " + userId + " has no extension; log in once with one");
          }
          return rs.getString(1);
        }
      }
    });
  }

  private Future<Void> registerExtension(HotlineRequest r) {
    if (r.extension() == null) {
      return Future.succeededFuture();
    }
    if (!r.extension().matches("[0-9]{2,8}")) {
      return Future.failedFuture(BusException.badRequest("an extension is 2 to 8 digits, not '" + r.extension()
          + "'"));
    }
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(AmiSql.SET_EXTENSION)) {
        ps.setLong(1, r.userId());
        ps.setString(2, r.extension());
        ps.setString(3, "PJSIP/" + r.extension());
        ps.executeUpdate();
        return null;
      }
    });
  }

  private Future<HotlineAnswer> send(ManagerAction action) {
    return ami.send(action).compose(response -> "Success".equalsIgnoreCase(response.getResponse())
        ? Future.succeededFuture(new HotlineAnswer(null, response.getMessage(), null))
        : Future.failedFuture(BusException.conflict("Asterisk: " + response.getMessage())));
  }
}
