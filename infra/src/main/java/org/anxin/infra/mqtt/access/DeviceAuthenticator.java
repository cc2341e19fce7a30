package org.anxin.infra.mqtt.access;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import org.anxin.infra.devices.DeviceIds;
import org.anxin.infra.mqtt.BrokerLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Lets in the platform's own account and registered, enabled devices whose password is their current secret, and
 * gives each the topic permissions of {@link TopicPolicy}. A device must use its id as client id too, so that it
 * cannot take over another device's session. The database lookup runs on the database's worker threads; HiveMQ's
 * network thread only parks the connection ({@code async}) until the answer comes.
 */
final class DeviceAuthenticator implements SimpleAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceAuthenticator.class);
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

  private final PlatformAccount platform;
  private final DeviceCredentials credentials;

  DeviceAuthenticator(PlatformAccount platform, DeviceCredentials credentials) {
    this.platform = platform;
    this.credentials = credentials;
  }

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    ConnectPacket connect = input.getConnectPacket();
    if (connect.getUserName().isEmpty() || connect.getPassword().isEmpty()) {
      output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "a user name and password are required");
      return;
    }
    String user = connect.getUserName().get();
    String secret = utf8(connect.getPassword().get());
    if (platform.matches(user, secret)) {
      grantPlatform(output);
    } else if (user.equals(platform.user())) {
      refuse(output, user, LoginVerdict.WRONG_SECRET);
    } else if (!DeviceIds.isValid(user)) {
      refuse(output, user, LoginVerdict.UNKNOWN_DEVICE);
    } else if (!user.equals(connect.getClientId())) {
      output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "a device's client id is its id");
    } else {
      checkDevice(user, secret, output);
    }
  }

  private void checkDevice(String deviceId, String secret, SimpleAuthOutput output) {
    Async<SimpleAuthOutput> async = output.async(LOOKUP_TIMEOUT, TimeoutFallback.FAILURE,
        ConnackReasonCode.SERVER_UNAVAILABLE, "device logins cannot be checked now");
    credentials.verify(deviceId, secret).whenComplete((verdict, failure) -> {
      if (failure != null) {
        LOG.warn("Device {} could not be authenticated: {}", deviceId, failure.getMessage());
        output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "device logins cannot be checked now");
      } else if (verdict == LoginVerdict.ACCEPTED) {
        grantDevice(deviceId, output);
      } else {
        refuse(output, deviceId, verdict);
      }
      async.resume();
    });
  }

  private static void grantDevice(String deviceId, SimpleAuthOutput output) {
    output.getDefaultPermissions().addAll(TopicPolicy.device(deviceId));
    output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
    output.getClientSettings().setClientQueueSizeMaximum(BrokerLimits.DEVICE_QUEUED_MESSAGES);
    output.authenticateSuccessfully();
  }

  private static void grantPlatform(SimpleAuthOutput output) {
    output.getDefaultPermissions().addAll(TopicPolicy.platform());
    output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
    output.getClientSettings().setClientReceiveMaximum(BrokerLimits.PLATFORM_RECEIVE_MAXIMUM);
    output.authenticateSuccessfully();
  }

  /** The client only learns that the login failed; which part was wrong goes to the log. */
  private static void refuse(SimpleAuthOutput output, String user, LoginVerdict verdict) {
    LOG.info("MQTT login refused for {}: {}", user, verdict);
    output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
  }

  private static String utf8(ByteBuffer password) {
    return StandardCharsets.UTF_8.decode(password.asReadOnlyBuffer()).toString();
  }
}
