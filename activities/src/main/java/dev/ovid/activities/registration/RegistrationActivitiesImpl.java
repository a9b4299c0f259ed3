package dev.ovid.activities.registration;

import dev.ovid.activities.common.Actors;
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
  public static final String MODEL_NAME = "ovid";
  private static final Logger LOG = Logger.getLogger(RegistrationActivitiesImpl.class);

  @Inject RunRegistry runs;
  @Inject MlflowTracker mlflow;
  @Inject dev.ovid.registry.model.ModelRegistry models;

  @Override
  public long register(RegistrationRequest request) {
    ModelVersion version =
        runs.recordModelVersion(
            request.runId(),
            new NewModelVersion(
                MODEL_NAME,
                request.model().checkpoint().uri(),
                request.model().checkpoint().sha256(),
                request.labels().embeddings().uri(),
                request.labels().embeddings().sha256(),
                request.mlflowRunId()),
            Actors.WORKER);
    // A new version is the candidate for production; promotion needs an approver.
    models.setAlias(
        version.id, dev.ovid.registry.model.ModelAlias.CANDIDATE, Actors.WORKER, "registered");
    var mlflowVersion =
        mlflow.registerModel(MODEL_NAME, request.mlflowRunId(), request.model().checkpoint().uri());
    if (mlflowVersion.isEmpty()) {
      LOG.warnf(
          "MLflow did not register model version %d; Ovid's registry has it", version.version);
    }
    mlflow.setTags(
        request.mlflowRunId(),
        Map.of(
            "ovid.model_version",
            MODEL_NAME + "@" + version.version,
            "ovid.checkpoint_sha256",
            request.model().checkpoint().sha256()));
    return version.id;
  }
}
