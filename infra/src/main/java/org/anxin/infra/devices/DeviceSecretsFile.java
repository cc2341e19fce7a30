package org.anxin.infra.devices;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The issued secrets as CSV ({@value #HEADER}), the one place they exist after registration: readable by its owner
 * only. The demo's {@code demo/devices.csv} and the simulator use the same columns.
 */
public final class DeviceSecretsFile {

  public static final String HEADER = "device_id,secret,type,elder_id";

  private DeviceSecretsFile() {
  }

  /** Writes the file; refuses to replace an existing one, which may hold secrets not kept anywhere else. */
  public static void write(Path file, List<IssuedSecret> secrets) throws IOException {
    if (Files.exists(file)) {
      throw new IOException(file + " already exists; secrets are never written over another file");
    }
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER.split(","))
        .setRecordSeparator("\n").get())) {
      for (IssuedSecret s : secrets) {
        csv.printRecord(s.deviceId(), s.secret(), s.type(), s.elderId() == null ? "" : s.elderId());
      }
    }
    OwnerOnlyFiles.write(file, out.toString());
  }
}
