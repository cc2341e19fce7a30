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

  public final BrokerFixture fixture = new BrokerFixture();
  public final EmbeddedBroker broker;
  private final Path data;

  private SharedBroker() {
    try {
      data = Files.createTempDirectory("anxin-broker-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    broker = EmbeddedBroker.start(BrokerFixture.node(data),
        BrokerFixture.mqtt(BrokerFixture.freePort(), true, null), fixture.database);
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
