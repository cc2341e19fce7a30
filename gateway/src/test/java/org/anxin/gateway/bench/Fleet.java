package org.anxin.gateway.bench;

import org.anxin.infra.db.Database;
import org.anxin.infra.security.SecretHasher;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** Registers a fleet of benchmark devices ({@code bench-000001} …) by COPY. */
final class Fleet {

  private Fleet() {
  }

  static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      ids.add(String.format("bench-%06d", i));
    }
    return ids;
  }

  static void register(Database database, List<String> ids) throws Exception {
    StringBuilder rows = new StringBuilder(ids.size() * 100);
    for (String id : ids) {
      rows.append(id).append("\tWRISTBAND\t").append(SecretHasher.hash(SecretHasher.newSecret())).append('\n');
    }
    try (Connection c = database.dataSource().getConnection()) {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY devices (id, type, secret_hash) FROM STDIN",
          new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
    }
  }
}
