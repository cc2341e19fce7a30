package org.anxin.dispatcher.orders;

import io.vertx.core.json.JsonObject;
import org.anxin.infra.db.Jdbc;
import org.anxin.dispatcher.visits.ReturnVisits;
import org.anxin.dispatcher.visits.VisitCheck;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.orders.OrderAction;
import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.orders.OrderCommand;
import org.anxin.infra.bus.orders.OrderView;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The order state machine: NEW → ASSIGNED → ACCEPTED → IN_PROGRESS → DONE → REVIEWED, or CANCELLED; a refusal
 * sends it back to NEW and on to the next provider.
 */
final class OrderTransitions {

  private static final Set<String> CANCELLABLE = Set.of("NEW", "ASSIGNED", "ACCEPTED", "IN_PROGRESS");

  private final Assignment assignment;
  private final Duration returnVisitDue;
  private final double visitRadiusM;

  OrderTransitions(Assignment assignment, Duration returnVisitDue, double visitRadiusM) {
    this.assignment = assignment;
    this.returnVisitDue = returnVisitDue;
    this.visitRadiusM = visitRadiusM;
  }

  void apply(OrderLog log, OrderView order, OrderCommand command) throws SQLException {
    check(order, command);
    String actor = command.actor();
    var c = log.connection();
    switch (command.action()) {
      case ACCEPT -> {
        Jdbc.update(c, OrderSql.ACCEPT, log.at(), order.id());
        log.add(OrderChanged.Change.ACCEPTED, actor, provider(order));
      }
      case REFUSE -> {
        Jdbc.update(c, OrderSql.UNASSIGN, order.id());
        log.add(OrderChanged.Change.REFUSED, actor, provider(order).put("reason", command.comment()));
        assignment.assign(log, log.current(), true);
      }
      case START -> {
        Jdbc.update(c, OrderSql.START, log.at(), order.id());
        log.add(OrderChanged.Change.STARTED, actor, null);
      }
      case DONE -> done(log, order, actor);
      case REVIEW -> {
        Jdbc.update(c, OrderSql.REVIEW, log.at(), command.rating(), command.comment(), order.id());
        ReturnVisits.close(log, actor, command.rating(), command.comment());
        log.add(OrderChanged.Change.REVIEWED, actor, new JsonObject().put("rating", command.rating())
            .put("comment", command.comment()));
      }
      case CANCEL -> {
        Jdbc.update(c, OrderSql.CANCEL, log.at(), order.id());
        log.add(OrderChanged.Change.CANCELLED, actor, new JsonObject().put("reason", command.comment()));
      }
    }
  }

  private void done(OrderLog log, OrderView order, String actor) throws SQLException {
    Jdbc.update(log.connection(), OrderSql.DONE, log.at(), order.id());
    log.add(OrderChanged.Change.DONE, actor, null);
    if (order.type().equals("VISIT")) {
      VisitCheck.verify(log, log.current(), visitRadiusM);
    }
    ReturnVisits.open(log, returnVisitDue);
  }

  private static void check(OrderView order, OrderCommand command) {
    String state = order.state();
    boolean allowed = switch (command.action()) {
      case ACCEPT, REFUSE -> state.equals("ASSIGNED") || command.action() == OrderAction.REFUSE
          && state.equals("ACCEPTED");
      case START -> state.equals("ACCEPTED");
      case DONE -> state.equals("IN_PROGRESS") || state.equals("ACCEPTED");
      case REVIEW -> state.equals("DONE");
      case CANCEL -> CANCELLABLE.contains(state);
    };
    if (!allowed) {
      throw BusException.conflict("order " + order.id() + " is " + state + "; " + command.action()
          + " is not allowed from it");
    }
    boolean providerAnswers = command.action() == OrderAction.ACCEPT || command.action() == OrderAction.REFUSE;
    if (providerAnswers && command.providerId() != null && !Objects.equals(command.providerId(), order.providerId())) {
      throw BusException.conflict("order " + order.id() + " is assigned to provider " + order.providerId()
          + ", not " + command.providerId());
    }
  }

  private static JsonObject provider(OrderView order) {
    return new JsonObject().put("providerId", order.providerId());
  }
}
