package org.anxin.dispatcher.orders;

import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.orders.OrderView;

import java.util.List;

/** What an order operation ended with: the order, and the changes to publish. */
record Orders(OrderView order, List<OrderChanged> changes) {

  /** The actor of what the dispatcher does by itself (assignment, SLA timers, schedules). */
  static final String ACTOR = "dispatcher";
}
