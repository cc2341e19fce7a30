package org.anxin.hotline;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.anxin.hotline.agi.AgiServerVerticle;
import org.anxin.hotline.ami.AmiVerticle;
import org.anxin.infra.alarm.AlarmMetrics;
import org.anxin.infra.alarm.AlarmOptions;
import org.anxin.infra.alarm.AlarmRaiser;
import org.anxin.infra.db.Database;
import org.anxin.infra.http.HealthChecks;

/**
 * The hotline as one deployment: opens the alarm outbox the emergency key raises through, then deploys the FastAGI
 * server with its scripts and the AMI side as its children (undeployed with it).
 */
public class HotlineVerticle extends VerticleBase {

  private final HotlineOptions options;
  private final Database database;
  private final AlarmOptions alarmOptions;
  private final HealthChecks health;
  private final MeterRegistry registry;
  private AgiServerVerticle agi;

  public HotlineVerticle(HotlineOptions options, Database database, AlarmOptions alarmOptions, HealthChecks health,
                         MeterRegistry registry) {
    this.options = options;
    this.database = database;
    this.alarmOptions = alarmOptions;
    this.health = health;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    HotlineMetrics metrics = new HotlineMetrics(registry);
    return vertx.executeBlocking(() -> AlarmRaiser.start(vertx, database.dataSource(), alarmOptions,
            new AlarmMetrics(registry)))
        .compose(raiser -> {
          agi = new AgiServerVerticle(options, new HotlineScripts(options, database, raiser, metrics));
          return vertx.deployVerticle(agi);
        })
        .compose(id -> vertx.deployVerticle(new AmiVerticle(options, database, health, metrics)));
  }

  /** The port the FastAGI server listens on (the free one picked when configured as 0). */
  public int agiPort() {
    return agi.port();
  }
}
