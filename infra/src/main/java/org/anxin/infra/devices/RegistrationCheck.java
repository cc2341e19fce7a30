package org.anxin.infra.devices;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that would stop a set of devices from being registered, each said with its line: the device's own
 * problems, an id twice in the set, an id already registered, an elder or household that does not exist.
 */
final class RegistrationCheck {

  private RegistrationCheck() {
  }

  static List<String> problems(Connection c, List<DeviceRow> rows) throws SQLException {
    List<NewDevice> devices = rows.stream().map(DeviceRow::device).toList();
    Set<String> registered = DeviceSql.registeredIds(c, devices.stream().map(NewDevice::id).toList());
    Set<String> elders = DeviceSql.existingElders(c,
        devices.stream().map(NewDevice::elderId).filter(Objects::nonNull).toList());
    Set<String> households = DeviceSql.existingHouseholds(c,
        devices.stream().map(NewDevice::householdId).filter(Objects::nonNull).toList());
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (DeviceRow row : rows) {
      NewDevice d = row.device();
      List<String> found = new ArrayList<>(d.problems());
      if (!seen.add(d.id())) {
        found.add("device id '" + d.id() + "' appears more than once");
      }
      if (registered.contains(d.id())) {
        found.add("device id '" + d.id() + "' is already registered");
      }
      if (d.elderId() != null && !elders.contains(d.elderId().toString())) {
        found.add("elder " + d.elderId() + " does not exist");
      }
      if (d.householdId() != null && !households.contains(d.householdId().toString())) {
        found.add("household " + d.householdId() + " does not exist");
      }
      found.forEach(p -> problems.add(row.locate(p)));
    }
    return problems;
  }
}
