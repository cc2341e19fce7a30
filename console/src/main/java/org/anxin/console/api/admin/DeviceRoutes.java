package org.anxin.console.api.admin;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.anxin.console.api.ApiException;
import org.anxin.console.api.ApiRouter;
import org.anxin.console.api.ApiRouter.Reply;
import org.anxin.console.api.ApiRouter.Spec;
import org.anxin.console.api.Bodies;
import org.anxin.console.audit.AuditLog;
import org.anxin.console.auth.Access;
import org.anxin.console.auth.Principal;
import org.anxin.console.auth.Role;
import org.anxin.infra.bus.Addresses;
import org.anxin.infra.bus.Json;
import org.anxin.infra.db.Database;
import org.anxin.infra.devices.DeviceCsv;
import org.anxin.infra.devices.DeviceRegistrationException;
import org.anxin.infra.devices.DeviceRegistry;
import org.anxin.infra.devices.DeviceType;
import org.anxin.infra.devices.IssuedSecret;
import org.anxin.infra.devices.NewDevice;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static io.vertx.core.http.HttpMethod.POST;

/**
 * Registering devices through the shared {@link DeviceRegistry}: one device, a CSV import (all or nothing), and a new
 * secret. The secret is in this answer only; the platform keeps hashes, and the answer is never cached.
 */
public final class DeviceRoutes {

  private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

  private final Database database;
  private final DeviceRegistry registry;
  private final EventBus bus;

  public DeviceRoutes(Database database, EventBus bus) {
    this.database = database;
    this.registry = new DeviceRegistry(database);
    this.bus = bus;
  }

  public void mount(ApiRouter api) {
    api.route(POST, "/admin/devices", ADMIN, Spec.of("Register one device; the answer holds its secret, shown once "
        + "(201)").body("{\"id\"*, \"type\"*: \"WRISTBAND|HOME_TERMINAL\", \"model\", \"elderId\", \"householdId\", "
        + "\"intervalS\"}"), this::handleRegister);
    api.route(POST, "/admin/devices/import", ADMIN, Spec.of("Register every device of a CSV body (text/csv, header "
        + DeviceCsv.HEADER + ") or none; the answer holds the secrets, shown once (201)"), this::handleImport);
    api.route(POST, "/admin/devices/:id/rotate-secret", ADMIN, Spec.of("Issue a new secret; the old one stops "
        + "working; shown once"), this::handleRotate);
  }

  private Future<Reply> handleRegister(RoutingContext rc) {
    JsonObject body = Bodies.json(rc);
    Long interval = body.getLong("intervalS");
    NewDevice device = new NewDevice(Json.required(body, "id"), Json.enumValue(DeviceType.class, body, "type"),
        body.getString("model"), body.getLong("elderId"), body.getLong("householdId"),
        interval == null ? NewDevice.DEFAULT_INTERVAL_S : interval.intValue());
    Principal p = Access.principal(rc);
    return registry.add(device).compose(issued -> audited(p, "device.register", List.of(issued)))
        .map(list -> new Reply(201, secretJson(list.get(0))));
  }

  private Future<Reply> handleImport(RoutingContext rc) {
    String csv = rc.body() == null ? null : rc.body().asString();
    if (csv == null || csv.isBlank()) {
      throw ApiException.badRequest("the body must be the CSV file, header " + DeviceCsv.HEADER);
    }
    Principal p = Access.principal(rc);
    return registry.importCsv(new StringReader(csv)).compose(issued -> audited(p, "device.import", issued))
        .map(issued -> new Reply(201, new JsonObject().put("devices",
            new JsonArray(issued.stream().map(DeviceRoutes::secretJson).map(Object.class::cast).toList()))));
  }

  private Future<JsonObject> handleRotate(RoutingContext rc) {
    String id = rc.pathParam("id");
    Principal p = Access.principal(rc);
    return registry.rotateSecret(id)
        .recover(e -> Future.failedFuture(e instanceof DeviceRegistrationException ? ApiException.notFound("device "
            + id) : e))
        .compose(issued -> audited(p, "device.rotate-secret", List.of(issued)))
        .map(list -> secretJson(list.get(0)));
  }

  private Future<List<IssuedSecret>> audited(Principal p, String action, List<IssuedSecret> issued) {
    bus.publish(Addresses.RULES_CHANGED, new JsonObject().put("table", "devices"));
    return database.inTransaction(c -> {
      for (IssuedSecret s : issued) {
        AuditLog.write(c, p, action, "device", s.deviceId(), null);
      }
      return issued;
    });
  }

  private static JsonObject secretJson(IssuedSecret s) {
    return new JsonObject().put("deviceId", s.deviceId()).put("type", s.type().name()).put("elderId", s.elderId())
        .put("secret", s.secret());
  }
}
