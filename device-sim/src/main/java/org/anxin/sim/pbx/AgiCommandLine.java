package org.anxin.sim.pbx;

import java.util.ArrayList;
import java.util.List;

/**
 * One AGI command line as Asterisk reads it: words separated by spaces, a double-quoted word may hold spaces and
 * backslash escapes. {@code GET DATA "anxin/menu" 5000 1} has verb {@code GET DATA} and arguments
 * {@code [anxin/menu, 5000, 1]}.
 */
record AgiCommandLine(String verb, List<String> args) {

  private static final List<String> TWO_WORD = List.of("GET", "SET", "STREAM", "SAY", "WAIT", "CHANNEL",
      "DATABASE", "RECORD", "CONTROL", "SPEECH", "RECEIVE", "SEND", "TDD", "ASYNCAGI");

  static AgiCommandLine parse(String line) {
    List<String> words = words(line);
    if (words.isEmpty()) {
      return new AgiCommandLine("", List.of());
    }
    int verbWords = 1;
    String first = words.get(0).toUpperCase();
    if (TWO_WORD.contains(first) && words.size() > 1) {
      verbWords = 2;
      if (words.size() > 2 && (first.equals("WAIT") && words.get(1).equalsIgnoreCase("FOR")
          || first.equals("GET") && words.get(1).equalsIgnoreCase("FULL"))) {
        verbWords = 3;
      }
    }
    String verb = String.join(" ", words.subList(0, verbWords)).toUpperCase();
    return new AgiCommandLine(verb, List.copyOf(words.subList(verbWords, words.size())));
  }

  String arg(int i, String fallback) {
    return i < args.size() ? args.get(i) : fallback;
  }

  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && quoted && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (c == ' ' && !quoted) {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }
}
