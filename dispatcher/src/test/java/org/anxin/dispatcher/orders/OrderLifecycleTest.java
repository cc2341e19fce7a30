package org.anxin.dispatcher.orders;

import io.vertx.core.Future;
import org.anxin.infra.testing.Await;
import org.anxin.dispatcher.testing.DispatcherDb;
import org.anxin.dispatcher.testing.OrderDesk;
import org.anxin.dispatcher.testing.People;
import org.anxin.dispatcher.testing.People.Home;
import org.anxin.infra.bus.BusException;
import org.anxin.infra.bus.BusFailure;
import org.anxin.infra.bus.orders.OrderAction;
import org.anxin.infra.bus.orders.OrderChanged;
import org.anxin.infra.bus.orders.OrderCommand;
import org.anxin.infra.bus.orders.OrderCreate;
import org.anxin.infra.bus.orders.OrderSource;
import org.anxin.infra.bus.orders.OrderView;
import org.anxin.infra.bus.orders.ServiceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.anxin.dispatcher.testing.Dispatcher.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Service orders: from creation to review, reassigned on refusal, by capacity, flagged when late")
class OrderLifecycleTest {

  /** Lunches ordered at once per node: well above each node's four pooled connections, so assignments overlap. */
  private static final int ORDERS_PER_NODE = 12;

  private static DispatcherDb db;
  private static People people;

  @BeforeAll
  static void database() {
    db = DispatcherDb.create();
    people = new People(db);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  @DisplayName("runs NEW → ASSIGNED → refused → reassigned → ACCEPTED → IN_PROGRESS → DONE → REVIEWED")
  void fromCreationToReview() {
    // GIVEN two meal providers of the elder's township and one of another township
    Home home = people.newHome();
    long first = people.newProvider(home.townshipId(), "MEAL", 10);
    long second = people.newProvider(home.townshipId(), "MEAL", 10);
    people.newProvider(people.newHome().townshipId(), "MEAL", 100);
    try (OrderDesk desk = OrderDesk.start(db, OrderDesk.options(Duration.ofMinutes(15)))) {
      // WHEN an operator orders a meal, the first provider refuses and the second delivers
      OrderView created = desk.create(home.elderId(), ServiceType.MEAL, null, null);
      OrderView refused = desk.act(created.id(), OrderAction.REFUSE, first);
      desk.act(created.id(), OrderAction.ACCEPT, second);
      desk.act(created.id(), OrderAction.START, null);
      OrderView done = desk.act(created.id(), OrderAction.DONE, null);
      OrderView reviewed = desk.bus().command(new OrderCommand(created.id(), OrderAction.REVIEW, "op-rv", null, 5,
          "hot and on time")).await();
      // THEN it went to the first provider, then to the second, and the return visit closed it
      assertEquals("ASSIGNED", created.state());
      assertEquals(first, created.providerId());
      assertEquals(second, refused.providerId());
      assertEquals("DONE", done.state());
      assertEquals("REVIEWED", reviewed.state());
      assertEquals(5, reviewed.rating());
      assertEquals(List.of("CREATED", "ASSIGNED", "REFUSED", "ASSIGNED", "ACCEPTED", "STARTED", "DONE",
          "RETURN_VISIT_DUE", "REVIEWED"), kinds(created.id()));
      assertEquals(List.of("op-rv|5|hot and on time"), db.strings("SELECT done_by || '|' || rating || '|' || comment "
          + "FROM return_visits WHERE order_id = ?", created.id()));
      Await.until(WAIT, "every change published", () -> desk.changes.stream()
          .filter(c -> c.order().id() == created.id()).count() == 9);
      // AND each provider was told of its assignment by SMS, once
      Await.until(WAIT, "both provider notices", () -> db.number("SELECT count(*) FROM order_events "
          + "WHERE order_id = ? AND kind = 'PROVIDER_NOTIFIED'", created.id()) == 2);
      assertEquals(List.of(first, second), db.rows("SELECT split_part(idempotency_key, 'provider:', 2)::bigint "
          + "FROM sms_outbox WHERE idempotency_key LIKE ? ORDER BY id", "order:" + created.id() + "|%").stream()
          .map(r -> ((Number) r.get(0)).longValue()).toList());
    }
  }

  @Test
  @DisplayName("answers 409 to a step out of order or by a provider it is not assigned to, 404 to an unknown order")
  void refusesWithReasons() {
    // GIVEN an assigned order
    Home home = people.newHome();
    long provider = people.newProvider(home.townshipId(), "CLEANING", 5);
    try (OrderDesk desk = OrderDesk.start(db, OrderDesk.options(Duration.ofMinutes(15)))) {
      OrderView order = desk.create(home.elderId(), ServiceType.CLEANING, null, null);
      // WHEN it is reviewed before it is done, accepted by another provider, and an unknown order is started
      BusException early = assertThrows(BusException.class, () -> desk.bus().command(new OrderCommand(order.id(),
          OrderAction.REVIEW, "op", null, 4, null)).await());
      BusException stranger = assertThrows(BusException.class, () -> desk.act(order.id(), OrderAction.ACCEPT,
          provider + 1000));
      BusException unknown = assertThrows(BusException.class, () -> desk.act(999_999, OrderAction.START, null));
      // THEN each says why
      assertEquals(BusFailure.CONFLICT, early.failure());
      assertTrue(early.getMessage().contains("is ASSIGNED"), early.getMessage());
      assertEquals(BusFailure.CONFLICT, stranger.failure());
      assertEquals(BusFailure.NOT_FOUND, unknown.failure());
    }
  }

  @Test
  @DisplayName("makes one order per request key: a retry, or the same request on two nodes at once, answers it")
  void oneOrderPerRequestKey() {
    // GIVEN a meal provider and two dispatcher nodes
    Home home = people.newHome();
    people.newProvider(home.townshipId(), "MEAL", 10);
    OrderCreate request = new OrderCreate(home.elderId(), ServiceType.MEAL, OrderSource.IVR, null, null, null, null,
        "ivr:13800000000", null, "ivr:1700000000.42:1");
    try (OrderDesk a = OrderDesk.node(db, OrderDesk.options(Duration.ofMinutes(15)));
         OrderDesk b = OrderDesk.node(db, OrderDesk.options(Duration.ofMinutes(15)))) {
      // WHEN the same keyed request arrives at both nodes at once, then once more
      List<OrderView> raced = Future.all(a.bus().create(request), b.bus().create(request)).await().list();
      OrderView retried = a.bus().create(request).await();
      // THEN one order exists, with one creation, and every answer is that order
      assertEquals(1, db.number("SELECT count(*) FROM service_orders WHERE request_key = ?", request.requestKey()));
      assertEquals(raced.get(0).id(), raced.get(1).id());
      assertEquals(raced.get(0).id(), retried.id());
      assertEquals("ASSIGNED", retried.state());
      assertEquals(List.of("CREATED", "ASSIGNED"), kinds(retried.id()));
      // AND the key used for another service is refused, naming the order it made
      OrderCreate other = new OrderCreate(home.elderId(), ServiceType.CLEANING, OrderSource.IVR, null, null, null,
          null, "ivr:13800000000", null, request.requestKey());
      BusException clash = assertThrows(BusException.class, () -> a.bus().create(other).await());
      assertEquals(BusFailure.CONFLICT, clash.failure());
      assertTrue(clash.getMessage().contains("order " + retried.id()), clash.getMessage());
    }
  }

  @Test
  @DisplayName("respects capacity per slot: a full slot leaves the order NEW until a cancellation frees room")
  void capacityPerSlot() {
    // GIVEN the township's one meal provider with room for one meal at lunch (11:00-13:00 local)
    Home home = people.newHome();
    long provider = newLunchProvider(home);
    Instant lunch = tomorrowAt(12);
    try (OrderDesk desk = OrderDesk.start(db, OrderDesk.options(Duration.ofMinutes(15)))) {
      // WHEN two lunches are ordered for the same slot
      OrderView one = desk.create(home.elderId(), ServiceType.MEAL, lunch, lunch.plus(Duration.ofMinutes(30)));
      OrderView two = desk.create(home.elderId(), ServiceType.MEAL, lunch, lunch.plus(Duration.ofMinutes(30)));
      // THEN the first is assigned and the second waits, unassigned
      assertEquals(provider, one.providerId());
      assertEquals("NEW", two.state());
      assertNull(two.providerId());
      assertEquals(List.of("CREATED", "UNASSIGNED"), kinds(two.id()));
      // AND WHEN the first is cancelled, the timer gives the freed place to the second
      desk.act(one.id(), OrderAction.CANCEL, null);
      Await.until(WAIT, "the second order assigned", () -> db.number("SELECT provider_id FROM service_orders "
          + "WHERE id = ?", two.id()) == provider);
    }
  }

  @Test
  @DisplayName("gives a provider's last place to one of many orders made at once on two nodes, and a freed place "
      + "to one")
  void lastPlaceTakenOnceAcrossNodes() {
    // GIVEN the township's one meal provider with room for one meal at lunch, and two dispatcher nodes
    Home home = people.newHome();
    long provider = newLunchProvider(home);
    Instant lunch = tomorrowAt(12);
    try (OrderDesk a = OrderDesk.node(db, OrderDesk.options(Duration.ofMinutes(15)));
         OrderDesk b = OrderDesk.node(db, OrderDesk.options(Duration.ofMinutes(15)))) {
      // WHEN lunches for that slot are ordered on both nodes at once, their timers retrying meanwhile
      List<OrderView> orders = createAtOnce(List.of(a, b), home, lunch);
      // THEN exactly one is assigned; every other waits, NEW, with its UNASSIGNED event
      List<OrderView> assigned = orders.stream().filter(o -> o.state().equals("ASSIGNED")).toList();
      assertEquals(1, assigned.size(), "orders assigned: " + assigned.stream().map(OrderView::id).toList());
      assertEquals(provider, assigned.get(0).providerId());
      assertEquals(List.of("CREATED", "ASSIGNED"), kinds(assigned.get(0).id()));
      for (OrderView waiting : orders.stream().filter(o -> o != assigned.get(0)).toList()) {
        assertEquals("NEW", waiting.state());
        assertEquals(List.of("CREATED", "UNASSIGNED"), kinds(waiting.id()));
      }
      assertEquals(1, takenFrom(provider));
      // AND WHEN it is cancelled while both timers and more orders on both nodes race for the freed place
      a.act(assigned.get(0).id(), OrderAction.CANCEL, null);
      createAtOnce(List.of(a, b), home, lunch);
      // THEN one order takes it, and only one
      Await.until(WAIT, "the freed place taken", () -> takenFrom(provider) > 0);
      assertEquals(1, takenFrom(provider));
    }
  }

  @Test
  @DisplayName("flags an order not accepted within the SLA and reassigns it; flags it again when late to be done")
  void slaFlagsAndReassigns() {
    // GIVEN two errand providers and an accept SLA of 1 s (the second provider must beat it on a loaded machine)
    Home home = people.newHome();
    long first = people.newProvider(home.townshipId(), "ERRAND", 5);
    long second = people.newProvider(home.townshipId(), "ERRAND", 5);
    try (OrderDesk desk = OrderDesk.start(db, OrderDesk.options(Duration.ofSeconds(1)))) {
      // WHEN an errand due within 3 s is assigned and the first provider never answers
      Instant now = Instant.now();
      OrderView order = desk.create(home.elderId(), ServiceType.ERRAND, now, now.plusMillis(3_000));
      assertEquals(first, order.providerId());
      // THEN it goes to the second provider, flagged late to be accepted
      Await.until(WAIT, "reassignment", () -> db.number("SELECT provider_id FROM service_orders WHERE id = ?",
          order.id()) == second);
      assertEquals(1, db.number("SELECT count(*) FROM service_orders WHERE id = ? AND sla_flag", order.id()));
      // AND WHEN the second accepts but does not finish by the slot's end, it is flagged late for delivery
      desk.act(order.id(), OrderAction.ACCEPT, second);
      Await.until(WAIT, "the late-delivery flag", () -> kinds(order.id()).contains("SLA_LATE_DELIVERY"));
      assertEquals(List.of("CREATED", "ASSIGNED", "ACCEPT_TIMEOUT", "SLA_LATE_ACCEPT", "ASSIGNED", "ACCEPTED",
          "SLA_LATE_DELIVERY"), kinds(order.id()));
      Await.until(WAIT, "the late-delivery change published", () -> desk.changes.stream()
          .anyMatch(c -> c.change() == OrderChanged.Change.SLA_LATE_DELIVERY && c.order().slaFlag()));
    }
  }

  /** The township's one meal provider, with room for one meal at lunch (11:00-13:00 local) and none by day. */
  private static long newLunchProvider(Home home) {
    long provider = people.newProvider(home.townshipId(), "MEAL", 0);
    db.execute("INSERT INTO provider_slots (provider_id, starts, ends, capacity) VALUES (?, '11:00', '13:00', 1)",
        provider);
    return provider;
  }

  private static List<OrderView> createAtOnce(List<OrderDesk> nodes, Home home, Instant lunch) {
    List<Future<OrderView>> created = new ArrayList<>();
    for (int i = 0; i < ORDERS_PER_NODE; i++) {
      for (OrderDesk node : nodes) {
        created.add(node.bus().create(new OrderCreate(home.elderId(), ServiceType.MEAL, OrderSource.OPERATOR, lunch,
            lunch.plus(Duration.ofMinutes(30)), null, null, "op-" + i, null)));
      }
    }
    return Future.all(created).await().list();
  }

  private static long takenFrom(long provider) {
    return db.number("SELECT count(*) FROM service_orders WHERE provider_id = ? AND state <> 'CANCELLED'",
        provider);
  }

  static Instant tomorrowAt(int localHour) {
    return Instant.now().atZone(OrderDesk.ZONE).plusDays(1).truncatedTo(ChronoUnit.DAYS).plusHours(localHour)
        .toInstant();
  }

  static List<String> kinds(long orderId) {
    return db.strings("SELECT kind FROM order_events WHERE order_id = ? AND kind NOT LIKE 'PROVIDER_%' ORDER BY id",
        orderId);
  }
}
