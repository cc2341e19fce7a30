package org.anxin.hotline.ami;

import io.vertx.core.Context;
import org.anxin.hotline.calls.CallSignal;
import org.anxin.hotline.ivr.CallerId;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns Asterisk-Java's events (on its dispatch thread) into {@link CallSignal}s handed, in order, to a consumer on
 * a Vert.x context. Only channels entering the 12349 context become calls; agents' own legs are not calls.
 */
public final class AmiEvents implements ManagerEventListener {

  /** The dialplan context of the 12349 entry point (infra/deploy/asterisk/extensions.conf). */
  public static final String INBOUND_CONTEXT = "anxin-12349";

  private final Context context;
  private final Consumer<CallSignal> consumer;

  public AmiEvents(Context context, Consumer<CallSignal> consumer) {
    this.context = context;
    this.consumer = consumer;
  }

  @Override
  public void onManagerEvent(ManagerEvent event) {
    signal(event).ifPresent(s -> context.runOnContext(v -> consumer.accept(s)));
  }

  static Optional<CallSignal> signal(ManagerEvent event) {
    if (event instanceof NewChannelEvent e && INBOUND_CONTEXT.equals(e.getContext())) {
      return Optional.of(CallSignal.of(CallSignal.Kind.NEW_CHANNEL, e.getUniqueId())
          .caller(CallerId.sanitize(e.getCallerIdNum())));
    }
    if (event instanceof QueueCallerJoinEvent e) {
      return Optional.of(CallSignal.of(CallSignal.Kind.QUEUE_JOIN, e.getUniqueId()).queue(e.getQueue(),
          e.getPosition()));
    }
    if (event instanceof QueueCallerAbandonEvent e) {
      return Optional.of(CallSignal.of(CallSignal.Kind.ABANDON, e.getUniqueId())
          .queue(e.getQueue(), e.getPosition()).seconds(e.getHoldTime() == null ? null : (long) e.getHoldTime()));
    }
    if (event instanceof AgentCalledEvent e) {
      return Optional.of(CallSignal.of(CallSignal.Kind.AGENT_CALLED, e.getUniqueId()).queue(e.getQueue(), null)
          .member(e.getInterface(), e.getMemberName()));
    }
    if (event instanceof AgentConnectEvent e) {
      return Optional.of(CallSignal.of(CallSignal.Kind.AGENT_CONNECT, e.getUniqueId()).queue(e.getQueue(), null)
          .member(e.getInterface(), e.getMemberName()).seconds(e.getHoldTime()));
    }
    if (event instanceof AgentCompleteEvent e) {
      return Optional.of(CallSignal.of(CallSignal.Kind.AGENT_COMPLETE, e.getUniqueId()).queue(e.getQueue(), null)
          .member(e.getInterface(), e.getMemberName()).seconds(e.getTalkTime()).ended(null, e.getReason()));
    }
    if (event instanceof HangupEvent e) {
      return Optional.of(CallSignal.of(CallSignal.Kind.HANGUP, e.getUniqueId()).ended(e.getCause(),
          e.getCauseTxt()));
    }
    return Optional.empty();
  }
}
