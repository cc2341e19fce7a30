package org.anxin.dispatcher.escalation;

import org.anxin.infra.db.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Resolves a step's target to the people it names now, honouring shifts. */
final class Recipients {

  private Recipients() {
  }

  static List<Recipient> resolve(Connection c, AlarmScope scope, Policy.Target target, Instant now)
      throws SQLException {
    Long[] elders = scope.elderIds();
    boolean everyone = !target.onShiftOnly();
    return switch (target.kind()) {
      case PRIMARY_CARERS -> Jdbc.list(c, RecipientSql.PRIMARY_CARERS, Recipients::row, elders, now, now);
      case BACKUP_CARERS -> Jdbc.list(c, RecipientSql.BACKUP_CARERS, Recipients::row, elders, scope.villageId(),
          scope.villageId(), scope.townshipId(), elders, everyone, now, now);
      // Volunteers and families keep no shifts: a step that wakes nobody off shift leaves them out.
      case VOLUNTEERS -> everyone
          ? Jdbc.list(c, RecipientSql.VOLUNTEERS, Recipients::row, scope.villageId(), scope.townshipId())
          : List.of();
      case FAMILY -> everyone ? Jdbc.list(c, RecipientSql.FAMILY, Recipients::row, (Object) elders) : List.of();
      case OPERATORS -> operators(c);
      case SUPERVISOR -> Jdbc.list(c, RecipientSql.ROLE, Recipients::row, "supervisor");
      case ELDER -> Jdbc.list(c, RecipientSql.ELDER, Recipients::row, (Object) elders);
    };
  }

  /** The user who acknowledged the alarm, when the actor is a user of ours (not 'system', not gone). */
  static List<Recipient> acknowledger(Connection c, String actor) throws SQLException {
    return actor == null ? List.of() : Jdbc.list(c, RecipientSql.ACKNOWLEDGER, Recipients::row, actor);
  }

  static List<Recipient> operators(Connection c) throws SQLException {
    return Jdbc.list(c, RecipientSql.ROLE, Recipients::row, "operator");
  }

  private static Recipient row(ResultSet rs) throws SQLException {
    return new Recipient(rs.getString("ref"), rs.getString("name"), Jdbc.nullableLong(rs, "user_id"),
        rs.getString("phone"));
  }
}
