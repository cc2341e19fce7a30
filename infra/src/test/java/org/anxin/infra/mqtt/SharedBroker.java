package org.anxin.infra.mqtt;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One embedded broker over one migrated database for every test class that asks for it
 * ({@code @ExtendWith(SharedBroker.Resolver.class)} and a {@code SharedBroker} parameter of {@code @BeforeAll}):
 * started at the first request, stopped when the whole run ends, because HiveMQ takes seconds to start and stop.
 */
public final class SharedBroker implements AutoCloseable {

  public static final String KEYSTORE_PASSWORD = "test-keystore";

  public final BrokerFixture fixture = new BrokerFixture();
  public final EmbeddedBroker broker;
  /** The broker's TLS key and self-signed certificate for 127.0.0.1, which clients of the tests trust. */
  public final Path keystore;
  private final Path data;

  private SharedBroker() {
    try {
      data = Files.createTempDirectory("anxin-broker-");
      keystore = selfSignedKeystore(data.resolve("broker.p12"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MqttOptions mqtt = BrokerFixture.mqtt(BrokerFixture.freePort(), true, null);
    MqttTls tls = new MqttTls(keystore, KEYSTORE_PASSWORD, BrokerFixture.freePort(), true);
    broker = EmbeddedBroker.start(BrokerFixture.node(data), new MqttOptions(mqtt.url(), mqtt.user(), mqtt.password(),
        mqtt.host(), mqtt.port(), mqtt.portExplicit(), tls), fixture.database);
  }

  private static Path selfSignedKeystore(Path file) throws IOException {
    Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "broker", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", KEYSTORE_PASSWORD,
        "-keypass", KEYSTORE_PASSWORD).redirectErrorStream(true).start();
    try {
      String output = new String(keytool.getInputStream().readAllBytes());
      if (keytool.waitFor() != 0) {
        throw new IOException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
    return file;
  }

  @Override
  public void close() throws IOException {
    broker.close();
    fixture.close();
    try (var files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Hands the run's one {@link SharedBroker} to a test; JUnit closes it with the root context. */
  public static final class Resolver implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SharedBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedBroker.class))
          .getOrComputeIfAbsent(SharedBroker.class, key -> new SharedBroker(), SharedBroker.class);
    }
  }
}
