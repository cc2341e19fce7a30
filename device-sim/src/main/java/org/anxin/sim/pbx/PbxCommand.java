package org.anxin.sim.pbx;

import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code pbx}: plays Asterisk for the hotline. Serves AMI (log the hotline in with {@code ANXIN_AMI_*}) and places
 * 12349 calls through the hotline's FastAGI server; with {@code --calls} it runs that many and prints the latencies.
 */
@Command(name = "pbx", mixinStandardHelpOptions = true,
    description = "A simulated Asterisk: an AMI server and FastAGI calls into the hotline's IVR.")
public final class PbxCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--ami-host", defaultValue = "127.0.0.1", description = "AMI listen address. Default ${DEFAULT-VALUE}.")
  String amiHost;

  @Option(names = "--ami-port", defaultValue = "5038", description = "AMI port (0: a free one). Default ${DEFAULT-VALUE}.")
  int amiPort;

  @Option(names = "--ami-user", defaultValue = "anxin", description = "AMI user. Default ${DEFAULT-VALUE}.")
  String amiUser;

  @Option(names = "--ami-secret", defaultValue = "${env:ANXIN_AMI_PASSWORD}",
      description = "AMI secret; default the ANXIN_AMI_PASSWORD environment variable.")
  String amiSecret;

  @Option(names = "--agi", defaultValue = "127.0.0.1:4573", paramLabel = "HOST:PORT",
      description = "The hotline's FastAGI server. Default ${DEFAULT-VALUE}.")
  String agi;

  @Option(names = "--calls", defaultValue = "0", description = "Place N calls and exit (0: serve AMI until stopped).")
  int calls;

  @Option(names = "--concurrency", defaultValue = "200", description = "Calls in progress at once. Default ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--ramp-ms", defaultValue = "2000",
      description = "The first calls arrive spread over this time. Default ${DEFAULT-VALUE}.")
  long rampMs;

  @Option(names = "--prompt-ms", defaultValue = "500", description = "How long each prompt plays. Default ${DEFAULT-VALUE}.")
  long promptMs;

  @Option(names = "--caller", split = ",", defaultValue = "13900000000",
      description = "Caller numbers, used in turn. Default ${DEFAULT-VALUE}.")
  List<String> callers;

  @Option(names = "--keys", split = ",", defaultValue = "1",
      description = "Keys each caller presses, prompt by prompt (empty: silence, H: hang up). Default ${DEFAULT-VALUE}.")
  List<String> keys;

  @Override
  public Integer call() throws Exception {
    if (amiSecret == null || amiSecret.isBlank()) {
      System.err.println("pbx: set --ami-secret or ANXIN_AMI_PASSWORD");
      return 2;
    }
    int colon = agi.lastIndexOf(':');
    PbxOptions options = new PbxOptions(amiHost, amiPort, amiUser, amiSecret, agi.substring(0, colon),
        Integer.parseInt(agi.substring(colon + 1)), "anxin-12349", promptMs, 20);
    Vertx vertx = Vertx.vertx();
    try {
      PbxSimulator pbx = PbxSimulator.start(vertx, options).await();
      System.err.printf("pbx: AMI on %s:%d, calls into agi://%s/ivr%n", amiHost, pbx.amiPort(), agi);
      if (calls == 0) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "pbx-shutdown"));
        stopped.await();
        return 0;
      }
      PbxLoad.Report report = PbxLoad.run(pbx, calls, concurrency, rampMs,
          n -> CallScript.ivr(callers.get(n % callers.size()), keys.toArray(String[]::new)).withAbandon(1))
          .toCompletionStage().toCompletableFuture().get(1, TimeUnit.HOURS);
      spec.commandLine().getOut().print(report.text());
      spec.commandLine().getOut().flush();
      return report.failed() == 0 ? 0 : 1;
    } finally {
      vertx.close().await();
    }
  }
}
