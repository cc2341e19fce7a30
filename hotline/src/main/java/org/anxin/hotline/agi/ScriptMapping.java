package org.anxin.hotline.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The fixed set of scripts the FastAGI server runs, by the name in {@code agi://host/NAME}. A name from the network
 * only ever selects one of these instances; an unknown one is logged and the call hung up.
 */
public final class ScriptMapping implements MappingStrategy {

  private static final Logger LOG = LoggerFactory.getLogger(ScriptMapping.class);

  private final Map<String, AgiScript> scripts;

  public ScriptMapping(Map<String, AgiScript> scripts) {
    this.scripts = Map.copyOf(scripts);
  }

  @Override
  public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
    AgiScript script = scripts.get(request.getScript());
    return script != null ? script : this::refuse;
  }

  private void refuse(AgiRequest request, AgiChannel channel) throws AgiException {
    LOG.warn("Unknown AGI script '{}' requested by channel {} from {}; hanging up",
        printable(request.getScript()), printable(request.getChannel()), request.getRemoteAddress());
    channel.hangup();
  }

  /** What a name from the network may put in a log line: no control characters, at most 64 characters. */
  static String printable(String s) {
    if (s == null) {
      return "";
    }
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }
}
