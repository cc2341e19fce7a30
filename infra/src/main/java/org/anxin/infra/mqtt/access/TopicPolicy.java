package org.anxin.infra.mqtt.access;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.MqttActivity;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.SharedSubscription;
import com.hivemq.extension.sdk.api.services.builder.Builders;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may use which topic, as the device protocol says: a device publishes only to its own
 * {@code anxin/v1/dev/{id}/telemetry|event|status|reply} and subscribes only to its own {@code cmd}; the platform
 * reads every device topic (plainly or through a shared subscription) and writes every {@code cmd}. Everything else
 * is denied. The same rules for Mosquitto are in {@code infra/deploy/mosquitto/acl}.
 */
final class TopicPolicy {

  static final String PREFIX = "anxin/v1/dev/";
  static final List<String> DEVICE_CHANNELS = List.of("telemetry", "event", "status", "reply");

  private TopicPolicy() {
  }

  static List<TopicPermission> device(String deviceId) {
    List<TopicPermission> permissions = new ArrayList<>();
    for (String channel : DEVICE_CHANNELS) {
      permissions.add(allow(PREFIX + deviceId + "/" + channel, MqttActivity.PUBLISH, SharedSubscription.ALL));
    }
    permissions.add(allow(PREFIX + deviceId + "/cmd", MqttActivity.SUBSCRIBE, SharedSubscription.NOT_SHARED));
    return permissions;
  }

  static List<TopicPermission> platform() {
    return List.of(
        allow(PREFIX + "+/+", MqttActivity.SUBSCRIBE, SharedSubscription.ALL),
        allow(PREFIX + "+/cmd", MqttActivity.PUBLISH, SharedSubscription.ALL));
  }

  private static TopicPermission allow(String filter, MqttActivity activity, SharedSubscription shared) {
    return Builders.topicPermission()
        .topicFilter(filter)
        .type(TopicPermission.PermissionType.ALLOW)
        .activity(activity)
        .sharedSubscription(shared)
        .build();
  }
}
