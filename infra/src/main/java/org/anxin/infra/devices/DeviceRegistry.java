package org.anxin.infra.devices;

import io.vertx.core.Future;
import org.anxin.infra.db.Database;
import org.anxin.infra.security.SecretHasher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers devices and issues their secrets, shared by the {@code device} command and the console's admin pages.
 * A secret is returned once and stored only as hashes: {@code secret_hash} for the embedded broker and
 * {@code broker_hash} in Mosquitto's format for a Mosquitto deployment. An import is all or nothing: every row is
 * checked first, and either all rows are stored in one transaction or none is and every problem is reported.
 */
public final class DeviceRegistry {

  private static final String UNIQUE_VIOLATION = "23505";

  private final Database database;

  public DeviceRegistry(Database database) {
    this.database = database;
  }

  /** Registers one device and returns its secret. */
  public Future<IssuedSecret> add(NewDevice device) {
    return register(List.of(new DeviceRow(0, device)), List.of()).map(issued -> issued.get(0));
  }

  /** Registers every device of a CSV file ({@link DeviceCsv#HEADER}) or none of them. */
  public Future<List<IssuedSecret>> importCsv(Reader csv) {
    DeviceCsv.Parsed parsed;
    try {
      parsed = DeviceCsv.read(csv);
    } catch (IOException | UncheckedIOException e) {
      String problem = "the file cannot be read: " + e.getMessage();
      return Future.failedFuture(new DeviceRegistrationException(List.of(problem)));
    }
    if (parsed.rows().isEmpty() && parsed.problems().isEmpty()) {
      return Future.failedFuture(new DeviceRegistrationException(List.of("the file lists no devices")));
    }
    return register(parsed.rows(), parsed.problems());
  }

  /** Issues a new secret to a device; the old one stops working. */
  public Future<IssuedSecret> rotateSecret(String deviceId) {
    String secret = SecretHasher.newSecret();
    return database.inTransaction(c -> DeviceSql.rotate(c, deviceId, secret)).compose(issued -> issued == null
        ? Future.failedFuture(new DeviceRegistrationException(List.of("no device '" + deviceId + "' is registered")))
        : Future.succeededFuture(issued));
  }

  /** Id and Mosquitto password hash of every enabled device, by id, for a Mosquitto password file. */
  public Future<Map<String, String>> brokerHashes() {
    return database.withConnection(DeviceSql::brokerHashes);
  }

  private Future<List<IssuedSecret>> register(List<DeviceRow> rows, List<String> earlierProblems) {
    return database.inTransaction(c -> {
      List<String> problems = new ArrayList<>(earlierProblems);
      problems.addAll(RegistrationCheck.problems(c, rows));
      if (!problems.isEmpty()) {
        throw new DeviceRegistrationException(problems);
      }
      return insert(c, rows);
    });
  }

  private static List<IssuedSecret> insert(Connection c, List<DeviceRow> rows) throws SQLException {
    List<NewDevice> devices = rows.stream().map(DeviceRow::device).toList();
    List<String> secrets = devices.stream().map(d -> SecretHasher.newSecret()).toList();
    try {
      DeviceSql.insert(c, devices, secrets);
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState()) || e.getNextException() != null
          && UNIQUE_VIOLATION.equals(e.getNextException().getSQLState())) {
        throw new DeviceRegistrationException(List.of("a device id was registered meanwhile by someone else: "
            + "nothing was stored, try again"));
      }
      throw e;
    }
    List<IssuedSecret> issued = new ArrayList<>();
    for (int i = 0; i < devices.size(); i++) {
      NewDevice d = devices.get(i);
      issued.add(new IssuedSecret(d.id(), secrets.get(i), d.type(), d.elderId()));
    }
    return issued;
  }
}
