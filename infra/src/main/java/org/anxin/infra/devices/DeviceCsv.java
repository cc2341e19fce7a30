package org.anxin.infra.devices;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an import file with the header {@value #HEADER}. Each line is checked on its own here (columns, numbers,
 * type); what needs the database (ids already taken, elders and households that exist) is checked by
 * {@link DeviceRegistry}.
 */
public final class DeviceCsv {

  public static final String HEADER = "device_id,type,model,elder_id,household_id,interval_s";
  private static final String[] COLUMNS = HEADER.split(",");

  /** The rows that could be read and the problems of those that could not. */
  public record Parsed(List<DeviceRow> rows, List<String> problems) {
  }

  private DeviceCsv() {
  }

  public static Parsed read(Reader csv) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    List<DeviceRow> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      if (!parser.getHeaderNames().equals(List.of(COLUMNS))) {
        problems.add("line 1: the header must be '" + HEADER + "', not '" + String.join(",", parser.getHeaderNames())
            + "'");
        return new Parsed(rows, problems);
      }
      for (CSVRecord record : parser) {
        int line = (int) record.getRecordNumber() + 1;
        List<String> lineProblems = new ArrayList<>();
        NewDevice device = device(record, lineProblems);
        DeviceRow row = new DeviceRow(line, device);
        lineProblems.forEach(p -> problems.add(row.locate(p)));
        if (lineProblems.isEmpty()) {
          rows.add(row);
        }
      }
    }
    return new Parsed(rows, problems);
  }

  private static NewDevice device(CSVRecord record, List<String> problems) {
    if (record.size() != COLUMNS.length) {
      problems.add("expected " + COLUMNS.length + " columns, found " + record.size());
      return null;
    }
    DeviceType type = type(record.get("type"), problems);
    Long elder = positive("elder_id", record.get("elder_id"), problems);
    Long household = positive("household_id", record.get("household_id"), problems);
    Long interval = positive("interval_s", record.get("interval_s"), problems);
    if (!problems.isEmpty()) {
      return null;
    }
    String model = record.get("model").isEmpty() ? null : record.get("model");
    int intervalS = interval == null ? NewDevice.DEFAULT_INTERVAL_S : (int) Math.min(interval, Integer.MAX_VALUE);
    NewDevice device = new NewDevice(record.get("device_id"), type, model, elder, household, intervalS);
    problems.addAll(device.problems());
    return device;
  }

  private static DeviceType type(String value, List<String> problems) {
    try {
      return DeviceType.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("type '" + value + "' is neither WRISTBAND nor HOME_TERMINAL");
      return null;
    }
  }

  /** A positive whole number, or {@code null} for an empty cell. */
  private static Long positive(String column, String value, List<String> problems) {
    if (value.isEmpty()) {
      return null;
    }
    if (value.matches("[0-9]{1,18}") && Long.parseLong(value) > 0) {
      return Long.parseLong(value);
    }
    problems.add(column + " '" + value + "' is not a positive whole number");
    return null;
  }
}
