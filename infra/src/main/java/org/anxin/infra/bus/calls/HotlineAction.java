package org.anxin.infra.bus.calls;

/** What a {@link HotlineRequest} asks of the hotline. */
public enum HotlineAction {
  /** The operator joins the queue on their extension ({@code extension} given the first time). */
  QUEUE_LOGIN,
  /** The operator stays logged in but gets no calls ({@code note}: the reason). */
  QUEUE_PAUSE,
  QUEUE_RESUME,
  QUEUE_LOGOUT,
  /** Ring the operator's extension, then connect {@code number} (or the elder's phone, by {@code elderId}). */
  CALLBACK,
  /** The disposition and note of a call the operator handled. */
  WRAP_UP,
  /** The calls in progress now, as their latest {@link CallEvent}s (for a console that just connected). */
  LIVE_CALLS,
  /** Proactive care calls (主动关怀) to the {@code limit} elders living alone most at risk. */
  CARE_ROUND
}
