package org.anxin.hotline.ivr;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Finds who a (sanitised) caller number belongs to. */
public final class CallerLookup {

  private CallerLookup() {
  }

  /** The match, on a connection the caller holds (the IVR's first transaction). */
  public static CallerMatch match(Connection c, String sanitizedNumber) throws SQLException {
    String number = CallerId.normalized(sanitizedNumber);
    if (number.length() < 5) {
      return CallerMatch.unknown();
    }
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
            elders.add(new CallerMatch.Elder(rs.getLong(2), rs.getString(3), rs.getLong(4),
                (Long) rs.getObject(5), (Long) rs.getObject(6)));
          }
        }
      }
      return best == null ? CallerMatch.unknown() : new CallerMatch(best, elders);
    }
  }
}
