package org.anxin.gateway.decode;

import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The {@code event}, {@code status} and {@code reply} channels. Fields the contract does not name are kept in the
 * stored payload and never refuse a message: an SOS from newer firmware must still get through.
 */
final class EventDecoder {

  static final Set<String> EVENT_TYPES = Set.of("SOS", "FALL", "SMOKE", "GAS", "WATER_LEAK", "DOOR_OPEN",
      "DOOR_CLOSE", "PULL_CORD", "BED_EXIT", "STRAP_OFF");

  /** @param raw the payload as received, stored as it stands (jsonb keeps numbers a double cannot hold) */
  DeviceEvent decode(Channel channel, Envelope envelope, JsonObject json, String raw) throws MessageRejectedException {
    return switch (channel) {
      case EVENT -> event(envelope, json, raw);
      case STATUS -> status(envelope, json, raw);
      case REPLY -> reply(envelope, json, raw);
      default -> throw new IllegalArgumentException("not an event channel: " + channel);
    };
  }

  private static DeviceEvent event(Envelope envelope, JsonObject json, String raw) throws MessageRejectedException {
    Fields f = new Fields(json);
    String type = f.oneOf("type", EVENT_TYPES, RejectReason.UNKNOWN_EVENT_TYPE);
    if (type == null) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, "an event needs a type");
    }
    Double lat = f.decimal("lat", -90, 90);
    Double lon = f.decimal("lon", -180, 180);
    f.requirePair("lat", lat, "lon", lon);
    return new DeviceEvent(envelope, Channel.EVENT, type, f.string("sensor", 64), lat, lon,
        f.decimal("acc", 0, 1_000_000), raw, null);
  }

  private static DeviceEvent status(Envelope envelope, JsonObject json, String raw) throws MessageRejectedException {
    Fields f = new Fields(json);
    Boolean online = f.bool("online");
    if (online == null) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, "a status needs online");
    }
    StatusFields status = new StatusFields(online, f.integer("bat", 0, 100), f.string("fw", 64),
        f.integer("interval", 1, 86_400), envelope.seq() == null);
    return new DeviceEvent(envelope, Channel.STATUS, online ? "ONLINE" : "OFFLINE", null, null, null, null,
        raw, status);
  }

  private static DeviceEvent reply(Envelope envelope, JsonObject json, String raw) throws MessageRejectedException {
    Fields f = new Fields(json);
    Object id = json.getValue("id");
    if (id == null) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, "a reply needs the id of its command");
    }
    if (!(id instanceof String || id instanceof Integer || id instanceof Long)) {
      throw Fields.wrongType("id", "a string or a whole number");
    }
    if (f.bool("ok") == null) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, "a reply needs ok");
    }
    f.string("detail", 1024);
    return new DeviceEvent(envelope, Channel.REPLY, "REPLY", null, null, null, null, raw, null);
  }
}
