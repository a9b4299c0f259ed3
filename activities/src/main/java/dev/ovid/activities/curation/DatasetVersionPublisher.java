package dev.ovid.activities.curation;

import dev.ovid.activities.common.Actors;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.NewDatasetVersion;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.curation.DatasetVersionRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last step of every curation: writes the sorted manifest and the report content-addressed
 * (sha256 keys, never overwritten), registers the dataset version (idempotent by manifest sha256)
 * and records it with the run and its MLflow run. Nothing is registered before everything is
 * stored, so a failure earlier leaves the previous versions as they were.
 */
@ApplicationScoped
public class DatasetVersionPublisher {
  @Inject ObjectStore store;
  @Inject DatasetRegistry datasets;
  @Inject RunRegistry runs;
  @Inject MlflowTracker mlflow;

  /** What a curation step publishes. {@code runId} 0 means no run to attach to. */
  public record Publication(
      String datasetName,
      List<ManifestEntry> entries,
      Map<String, Object> report,
      String sourceDescription,
      Map<String, Object> config,
      long runId,
      boolean attachToRun,
      String mlflowArtifact) {}

  public DatasetVersionRef publish(Publication p) {
    byte[] manifest = DatasetManifest.write(p.entries());
    String sha = Sha256.of(manifest);
    String prefix = "datasets/" + p.datasetName() + "/";
    StoredObject manifestObject = store.put(prefix + "manifests/" + sha + ".jsonl", manifest);
    byte[] reportJson = Json.write(p.report()).getBytes(StandardCharsets.UTF_8);
    StoredObject reportObject =
        store.put(prefix + "reports/" + Sha256.of(reportJson) + ".json", reportJson);

    Set<String> used = new TreeSet<>();
    p.entries().forEach(e -> used.addAll(e.allLabels()));
    DatasetVersion version =
        datasets.register(
            new NewDatasetVersion(
                p.datasetName(),
                manifestObject.uri(),
                sha,
                p.entries().size(),
                used.size(),
                p.sourceDescription(),
                Json.write(p.config()),
                reportObject.uri()),
            Actors.WORKER);
    if (p.runId() > 0) {
      if (p.attachToRun()) runs.attachDatasetVersion(p.runId(), version.id, Actors.WORKER);
      String mlflowRunId = runs.get(p.runId()).mlflowRunId;
      if (mlflowRunId != null) {
        mlflow.setTags(
            mlflowRunId,
            Map.of(
                MlflowTracker.TAG_DATASET_VERSION,
                p.datasetName() + "@" + version.version + " sha256:" + sha));
        mlflow.logArtifact(mlflowRunId, p.mlflowArtifact(), reportJson);
      }
    }
    return new DatasetVersionRef(
        version.id,
        new ObjectRef(manifestObject.uri(), sha, manifestObject.size()),
        p.entries().size(),
        used.size());
  }
}
