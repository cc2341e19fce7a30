package org.anxin.console.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.audit.AuditLog;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.console.sql.ElderSql;
import org.anxin.console.sql.HealthSql;
import org.anxin.infra.db.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.GET;

/**
 * Elders: the list, one with household, devices and their latest state, and the location and health reads. Each
 * read of location or health data writes its {@code audit_log} row in the same transaction.
 */
public final class ElderRoutes {

  /** Who sees the older Party member's record (党员档案). */
  private static final Set<Role> PARTY_RECORD = EnumSet.of(Role.OPERATOR, Role.ADMIN);
  private static final Duration DEFAULT_TRACK = Duration.ofHours(24);
  private static final Duration LONGEST_TRACK = Duration.ofDays(7);

  private final Database database;
  private final ZoneId zone;
  private final Clock clock;

  public ElderRoutes(Database database, ZoneId zone, Clock clock) {
    this.database = database;
    this.zone = zone;
    this.clock = clock;
  }

  public void mount(ApiRouter api) {
    api.route(GET, "/elders", Role.ALL, Spec.of("Elders the caller may see, with open alarm counts")
        .query("q", "phone", "townshipId", "villageId", "category", "limit", "offset"), this::handleList);
    api.route(GET, "/elders/:id", Role.ALL, Spec.of("One elder with household, devices and their latest state, "
        + "safe zones, carers (audited)"), this::handleOne);
    api.route(GET, "/elders/:id/location", Role.ALL, Spec.of("The newest fix and the home position (audited)"),
        rc -> audited(rc, "elder.location", (c, id) -> HealthSql.location(c, id)));
    api.route(GET, "/elders/:id/track", Role.ALL, Spec.of("Fixes since a time, oldest first, at most 7 days and "
        + HealthSql.TRACK_LIMIT + " points (audited)").query("since", "until"), this::handleTrack);
    api.route(GET, "/elders/:id/activity", Role.ALL, Spec.of("Today's activity in ANXIN_TIMEZONE: steps, motion, "
        + "heart rate, SpO2, device events (audited)"), rc -> audited(rc, "elder.activity",
        (c, id) -> HealthSql.activity(c, id, startOfToday())));
  }

  @FunctionalInterface
  private interface Read {
    JsonObject run(Connection c, long elderId) throws SQLException;
  }

  private Future<JsonObject> handleList(RoutingContext rc) {
    Principal p = Access.principal(rc);
    ElderSql.Filter filter = new ElderSql.Filter(Bodies.query(rc, "q"), Bodies.query(rc, "phone"),
        Bodies.queryLong(rc, "townshipId"), Bodies.queryLong(rc, "villageId"),
        upper(Bodies.query(rc, "category")));
    Page page = Page.of(rc);
    return database.withConnection(c -> ElderSql.list(c, p.scope(), filter, page)).map(page::answer);
  }

  private Future<JsonObject> handleOne(RoutingContext rc) {
    Principal p = Access.principal(rc);
    return audited(rc, "elder.read", (c, id) -> {
      JsonObject elder = ElderSql.one(c, p.scope(), id);
      if (!PARTY_RECORD.contains(p.role())) {
        elder.remove("partyMemberSince");
        elder.remove("partyBranch");
        elder.remove("partyRecord");
      }
      return elder;
    });
  }

  private Future<JsonObject> handleTrack(RoutingContext rc) {
    Instant until = orNow(Bodies.queryInstant(rc, "until"));
    Instant since = Bodies.queryInstant(rc, "since");
    Instant from = since == null ? until.minus(DEFAULT_TRACK) : since;
    if (!from.isBefore(until) || Duration.between(from, until).compareTo(LONGEST_TRACK) > 0) {
      throw ApiException.badRequest("'since' must be before 'until' and at most 7 days earlier");
    }
    return audited(rc, "elder.track", (c, id) -> HealthSql.track(c, id, from, until));
  }

  /**
   * Runs a read of one elder in a transaction with its audit row; an elder out of scope is not found, and
   * nothing is read or written for it.
   */
  private Future<JsonObject> audited(RoutingContext rc, String action, Read read) {
    Principal p = Access.principal(rc);
    long id = Bodies.pathId(rc, "id");
    JsonObject details = new JsonObject().put("path", rc.request().path());
    return database.inTransaction(c -> {
      if (!ElderSql.exists(c, p.scope(), id)) {
        throw ApiException.notFound("elder " + id);
      }
      JsonObject answer = read.run(c, id);
      AuditLog.write(c, p, action, "elder", id, details);
      return answer;
    });
  }

  private Instant startOfToday() {
    return LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
  }

  private Instant orNow(Instant at) {
    return at == null ? clock.instant() : at;
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase();
  }
}
