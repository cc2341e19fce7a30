package org.anxin.sim.fleet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The credentials CSV written by {@code demo} and {@code device import} ({@code DeviceSecretsFile} in infra):
 * header {@code device_id,secret,type,elder_id}, an empty elder id for a terminal that has none.
 */
public final class CredentialsFile {

  public static final String HEADER = "device_id,secret,type,elder_id";

  private CredentialsFile() {
  }

  public static List<DeviceCredentials> read(Path file) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).setCommentMarker('#').get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CSVParser parser = CSVParser.parse(in, format)) {
      if (!parser.getHeaderNames().containsAll(List.of(HEADER.split(",")))) {
        throw new IllegalArgumentException(file + ": the header must be " + HEADER);
      }
      List<DeviceCredentials> devices = new ArrayList<>();
      for (CSVRecord row : parser) {
        devices.add(parse(row, file));
      }
      return devices;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the devices file " + file, e);
    }
  }

  private static DeviceCredentials parse(CSVRecord row, Path file) {
    try {
      String elder = row.get("elder_id");
      return new DeviceCredentials(row.get("device_id"), row.get("secret"), DeviceType.parse(row.get("type")),
          elder.isEmpty() ? null : Long.valueOf(elder));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":" + row.getRecordNumber() + ": " + e.getMessage(), e);
    }
  }
}
