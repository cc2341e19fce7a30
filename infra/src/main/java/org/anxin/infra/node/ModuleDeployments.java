package org.anxin.infra.node;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.deployment.DeploymentContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.anxin.infra.http.HealthChecks.Status;
import org.anxin.infra.metrics.NodeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The modules a node runs. Each is deployed in turn; the deployments that appear while it deploys are its verticles,
 * watched by a {@code module.<name>} health check and undeployed in reverse order when the node stops.
 */
public final class ModuleDeployments {

  private static final Logger LOG = LoggerFactory.getLogger(ModuleDeployments.class);

  private final Vertx vertx;
  private final Map<String, Set<String>> deploymentsByModule = new LinkedHashMap<>();

  public ModuleDeployments(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Deploys the modules one after the other, in the given order. */
  public Future<Void> deploy(List<AnxinModule> modules, NodeContext context) {
    Future<Void> chain = Future.succeededFuture();
    for (AnxinModule module : modules) {
      chain = chain.compose(ignored -> deployOne(module, context));
    }
    return chain;
  }

  public Set<String> running() {
    return deploymentsByModule.keySet();
  }

  private Future<Void> deployOne(AnxinModule module, NodeContext context) {
    Set<String> before = Set.copyOf(vertx.deploymentIDs());
    return module.deploy(vertx, context).map(ignored -> {
      Set<String> ids = new HashSet<>(vertx.deploymentIDs());
      ids.removeAll(before);
      ids.removeIf(this::isChild);
      deploymentsByModule.put(module.name(), ids);
      context.health().register(NodeMetrics.MODULE_CHECK_PREFIX + module.name(), () -> check(ids));
      LOG.info("Module {} started ({} verticle deployments)", module.name(), ids.size());
      return null;
    });
  }

  /** A verticle deployed by another verticle goes with its parent; only the parents are the module's. */
  private boolean isChild(String id) {
    DeploymentContext deployment = deployment(id);
    return deployment != null && deployment.isChild();
  }

  private DeploymentContext deployment(String id) {
    return ((VertxInternal) vertx).deploymentManager().deployment(id);
  }

  private Future<Status> check(Set<String> ids) {
    JsonArray verticles = new JsonArray();
    boolean allDeployed = true;
    for (String id : ids) {
      DeploymentContext deployment = deployment(id);
      allDeployed &= deployment != null;
      verticles.add(describe(id, deployment));
    }
    JsonObject details = new JsonObject().put("verticles", verticles);
    return Future.succeededFuture(new Status(allDeployed, details));
  }

  private static JsonObject describe(String id, DeploymentContext deployment) {
    JsonObject json = new JsonObject().put("id", id);
    if (deployment == null) {
      return json.put("deployed", false);
    }
    Set<Deployable> instances = deployment.deployment().instances();
    String name = instances.isEmpty() ? deployment.deployment().identifier()
        : instances.iterator().next().getClass().getName();
    return json.put("deployed", true).put("verticle", name).put("instances", instances.size());
  }

  /** Undeploys every module, the last deployed first, so consumers stop before what they depend on. */
  public Future<Void> undeployAll() {
    List<String> names = new ArrayList<>(deploymentsByModule.keySet());
    Future<Void> chain = Future.succeededFuture();
    for (int i = names.size() - 1; i >= 0; i--) {
      String name = names.get(i);
      chain = chain.compose(ignored -> undeploy(name));
    }
    return chain;
  }

  private Future<Void> undeploy(String module) {
    List<Future<Void>> undeployed = deploymentsByModule.remove(module).stream()
        .filter(vertx.deploymentIDs()::contains)
        .map(id -> vertx.undeploy(id).onFailure(e -> LOG.warn("Module {}: deployment {} did not stop cleanly: {}",
            module, id, e.getMessage())))
        .toList();
    return Future.join(undeployed).<Void>mapEmpty()
        .recover(e -> Future.succeededFuture())
        .onComplete(ar -> LOG.info("Module {} stopped", module));
  }
}
