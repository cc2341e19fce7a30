package org.anxin.infra.mqtt.access;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import org.anxin.infra.db.Database;

/**
 * The embedded broker's access control as a HiveMQ extension registered in code (no extension folder): one
 * {@link DeviceAuthenticator} shared by every connection, so its cache is shared too. With an authenticator in
 * place HiveMQ refuses anonymous connections.
 */
public final class AccessExtension implements ExtensionMain {

  private final DeviceAuthenticator authenticator;

  private AccessExtension(DeviceAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  public static EmbeddedExtension embedded(PlatformAccount platform, Database database) {
    AccessExtension main = new AccessExtension(new DeviceAuthenticator(platform, new DeviceCredentials(database)));
    return EmbeddedExtension.builder()
        .withId("anxin-access")
        .withName("Anxin device access")
        .withVersion("1")
        .withAuthor("Anxin")
        .withPriority(1000)
        .withStartPriority(1000)
        .withExtensionMain(main)
        .build();
  }

  @Override
  public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
    Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
  }

  @Override
  public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    // HiveMQ drops the extension's registrations itself when it stops.
  }
}
