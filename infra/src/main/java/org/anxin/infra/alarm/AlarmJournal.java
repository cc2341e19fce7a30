package org.anxin.infra.alarm;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alarm outbox: an append-only file of JSON lines under the data folder. Each raise or clearing is appended and
 * fsynced before it is called durable, and an {@code ack} line follows once the database has it. On open, entries
 * without an ack are handed back in order for replay; replay is safe because raising is idempotent on its key. An
 * ack line is not fsynced: losing one only replays an entry that then adds nothing.
 */
final class AlarmJournal implements AutoCloseable {

  /** One journalled operation: {@code op} is {@code raise} or {@code clear}. */
  record Entry(long n, String op, JsonObject body) {

    String line() {
      return new JsonObject().put("n", n).put("op", op).put("body", body).encode() + "\n";
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(AlarmJournal.class);
  private static final long COMPACT_BYTES = 1 << 20;

  private final FileChannel channel;
  private final FileLock lock;
  private final List<Entry> unacknowledged;
  private long next;
  private long pending;

  private AlarmJournal(FileChannel channel, FileLock lock, List<Entry> unacknowledged, long next) {
    this.channel = channel;
    this.lock = lock;
    this.unacknowledged = unacknowledged;
    this.next = next;
    this.pending = unacknowledged.size();
  }

  /** Opens the outbox of {@code dir}; fails when another raiser, in this process or another, holds it. */
  static AlarmJournal open(Path dir) throws IOException {
    Files.createDirectories(dir);
    FileChannel lockFile = FileChannel.open(dir.resolve("outbox.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockFile.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockFile.close();
      throw new IOException("the alarm outbox in " + dir + " is in use by another raiser");
    }
    Path file = dir.resolve("outbox.log");
    List<Entry> pending = readPending(file);
    long next = pending.isEmpty() ? 1 : pending.get(pending.size() - 1).n() + 1;
    rewrite(file, pending);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    return new AlarmJournal(channel, lock, pending, next);
  }

  /** The entries found without an ack when the journal was opened, in the order they were written. */
  List<Entry> unacknowledged() {
    return List.copyOf(unacknowledged);
  }

  /** Appends the operations and fsyncs once for all of them (a group commit). */
  synchronized List<Entry> appendDurably(List<JsonObject> bodies, List<String> ops) throws IOException {
    List<Entry> written = new ArrayList<>(bodies.size());
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < bodies.size(); i++) {
      Entry e = new Entry(next++, ops.get(i), bodies.get(i));
      lines.append(e.line());
      written.add(e);
    }
    write(lines.toString());
    channel.force(false);
    pending += written.size();
    return written;
  }

  /** Marks an entry as stored; the file is emptied once nothing is pending and it has grown large. */
  synchronized void ack(long n) throws IOException {
    write(new JsonObject().put("ack", n).encode() + "\n");
    pending--;
    if (pending == 0 && channel.size() > COMPACT_BYTES) {
      channel.truncate(0);
      channel.force(true);
    }
  }

  private void write(String text) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
  }

  private static List<Entry> readPending(Path file) throws IOException {
    Map<Long, Entry> pending = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return List.of();
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonObject json = new JsonObject(line);
        if (json.containsKey("ack")) {
          pending.remove(json.getLong("ack"));
        } else {
          long n = json.getLong("n");
          pending.put(n, new Entry(n, json.getString("op"), json.getJsonObject("body")));
        }
      } catch (DecodeException | ClassCastException e) {
        LOG.warn("Skipping a torn line of the alarm outbox {}: it was being written when the process stopped", file);
      }
    }
    return new ArrayList<>(pending.values());
  }

  /** Replaces the file by its pending entries only, atomically, so it does not grow across restarts. */
  private static void rewrite(Path file, List<Entry> pending) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    StringBuilder lines = new StringBuilder();
    for (Entry e : pending) {
      lines.append(e.line());
    }
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
    lock.release();
    lock.channel().close();
  }
}
