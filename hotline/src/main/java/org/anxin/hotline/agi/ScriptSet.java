package org.anxin.hotline.agi;

import io.vertx.core.Context;
import org.asteriskjava.fastagi.AgiScript;

import java.util.Map;

/** The scripts a FastAGI server runs, made on its verticle's context, and what they hold until it stops. */
public interface ScriptSet extends AutoCloseable {

  Map<String, AgiScript> scripts(Context context);

  @Override
  default void close() {
  }
}
