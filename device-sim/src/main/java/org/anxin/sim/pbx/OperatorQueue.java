package org.anxin.sim.pbx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Asterisk queue: its members (interface, name, paused, on a call) and the callers waiting, ordered as
 * app_queue orders them: by priority (higher first), then by arrival. Not thread-safe; the simulator guards it.
 */
final class OperatorQueue {

  static final class Member {
    final String iface;
    final String name;
    boolean paused;
    boolean busy;
    int callsTaken;

    Member(String iface, String name, boolean paused) {
      this.iface = iface;
      this.name = name;
      this.paused = paused;
    }
  }

  record Waiting(SimCall call, int priority, long joinedNanos) {
  }

  /** A caller leaving the queue for a member. */
  record Match(Waiting waiting, Member member) {
  }

  final String name;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final List<Waiting> waiting = new ArrayList<>();

  OperatorQueue(String name) {
    this.name = name;
  }

  boolean add(String iface, String memberName, boolean paused) {
    return members.putIfAbsent(iface, new Member(iface, memberName == null ? iface : memberName, paused)) == null;
  }

  Optional<Member> remove(String iface) {
    return Optional.ofNullable(members.remove(iface));
  }

  Optional<Member> member(String iface) {
    return Optional.ofNullable(members.get(iface));
  }

  /** Queues the caller and answers its 1-based position: behind every caller of equal or higher priority. */
  int join(SimCall call, int priority) {
    int at = 0;
    while (at < waiting.size() && waiting.get(at).priority() >= priority) {
      at++;
    }
    waiting.add(at, new Waiting(call, priority, System.nanoTime()));
    return at + 1;
  }

  boolean leave(SimCall call) {
    return waiting.removeIf(w -> w.call() == call);
  }

  int size() {
    return waiting.size();
  }

  /** The first waiting caller and a free member, when there are both; the member is marked busy. */
  Optional<Match> next() {
    if (waiting.isEmpty()) {
      return Optional.empty();
    }
    Optional<Member> free = members.values().stream().filter(m -> !m.paused && !m.busy)
        .min((a, b) -> Integer.compare(a.callsTaken, b.callsTaken));
    free.ifPresent(m -> m.busy = true);
    return free.map(m -> new Match(waiting.remove(0), m));
  }
}
