package dev.ovid.activities.registration;

import dev.ovid.activities.common.Actors;
import dev.ovid.registry.model.ModelAlias;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.model.NewModelVersion;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.workflows.registration.RegistrationActivities;
import dev.ovid.workflows.registration.RegistrationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Records the trained model as a new version in Ovid's registry (the registry of record) and, best
 * effort, in MLflow's model registry so its UI shows it too.
 */
@ApplicationScoped
public class RegistrationActivitiesImpl implements RegistrationActivities {
  private static final Logger LOG = Logger.getLogger(RegistrationActivitiesImpl.class);

  @Inject RunRegistry runs;
  @Inject MlflowTracker mlflow;
  @Inject ModelRegistry models;

  @Override
  public long register(RegistrationRequest request) {
    String modelName = models.modelName();
    var existing = runs.findModelVersion(request.runId(), request.model().checkpoint().sha256());
    ModelVersion version;
    if (existing.isPresent()) {
      version = existing.get();
    } else {
      // MLflow numbers the version first (idempotent per MLflow run), and Ovid records the same
      // number, so "model version 12" means one thing in both.
      var mlflowVersion =
          mlflow.registerModel(
              modelName, request.mlflowRunId(), request.model().checkpoint().uri());
      if (mlflowVersion.isEmpty()) {
        LOG.warnf("MLflow did not register a version of %s; Ovid numbers it alone", modelName);
      }
      version =
          runs.recordModelVersion(
              request.runId(),
              new NewModelVersion(
                  modelName,
                  request.model().checkpoint().uri(),
                  request.model().checkpoint().sha256(),
                  request.labels().embeddings().uri(),
                  request.labels().embeddings().sha256(),
                  request.mlflowRunId()),
              mlflowVersion.map(Integer::valueOf).orElse(null),
              Actors.WORKER);
    }
    // A new version is the candidate for production (promotion needs an approver), unless the
    // schedule that started the run registers its models without proposing them.
    if (runs.get(request.runId()).registerCandidate) {
      models.setAlias(version.id, ModelAlias.CANDIDATE, Actors.WORKER, "registered");
      mirrorAlias(version, ModelAlias.CANDIDATE);
    }
    mlflow.setTags(
        request.mlflowRunId(),
        Map.of(
            "ovid.model_version",
            modelName + "@" + version.version,
            "ovid.checkpoint_sha256",
            request.model().checkpoint().sha256()));
    return version.id;
  }

  private void mirrorAlias(ModelVersion version, String alias) {
    try {
      mlflow.setModelAlias(version, alias);
    } catch (RuntimeException e) {
      // The candidate alias is informational in MLflow; promotion mirrors production strictly.
      LOG.warnf(
          "could not mirror alias %s of %s@%d to MLflow: %s",
          alias, version.modelName, version.version, e);
    }
  }
}
