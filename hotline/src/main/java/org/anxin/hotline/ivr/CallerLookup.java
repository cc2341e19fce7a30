package org.anxin.hotline.ivr;

import io.vertx.core.Future;
import org.anxin.infra.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Finds who a (sanitised) caller number belongs to. */
public final class CallerLookup {

  private final Database database;

  public CallerLookup(Database database) {
    this.database = database;
  }

  public Future<CallerMatch> match(String sanitizedNumber) {
    String number = CallerId.normalized(sanitizedNumber);
    if (number.length() < 5) {
      return Future.succeededFuture(CallerMatch.unknown());
    }
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(IvrSql.MATCH)) {
        for (int i = 1; i <= 4; i++) {
          ps.setString(i, number);
        }
        CallerMatch.Kind best = null;
        List<CallerMatch.Elder> elders = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            CallerMatch.Kind kind = CallerMatch.Kind.valueOf(rs.getString(1));
            if (best == null) {
              best = kind;
            }
            if (kind == best) {
              elders.add(new CallerMatch.Elder(rs.getLong(2), rs.getString(3), rs.getLong(4)));
            }
          }
        }
        return best == null ? CallerMatch.unknown() : new CallerMatch(best, elders);
      }
    });
  }
}
