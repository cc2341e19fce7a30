package org.anxin.infra.bus.orders;

/** What an {@code order.command} asks for. */
public enum OrderAction {
  /** The assigned provider takes it (ASSIGNED → ACCEPTED). */
  ACCEPT,
  /** The assigned provider declines; the order goes to the next provider. */
  REFUSE,
  /** Service begins at the elder's (ACCEPTED → IN_PROGRESS). */
  START,
  /** Service delivered (IN_PROGRESS → DONE); opens the return visit. */
  DONE,
  /** The operator's return visit: rating 1..5 and comment (DONE → REVIEWED). */
  REVIEW,
  /** Withdrawn before it is done. */
  CANCEL
}
