package dev.ovid.activities.curation.synthetic;

import dev.ovid.activities.expansion.LabelEmbeddingFiles;
import dev.ovid.activities.training.PipelineModels;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.embeddings.LabelEmbeddingDatabase;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.curation.LabelerSpec;
import dev.ovid.workflows.training.TrainedModelRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Opens a registered model version (weights and label embeddings, sha256-checked) as teacher. */
@ApplicationScoped
public class TeacherLabelers {
  @Inject RunRegistry runs;
  @Inject PipelineModels models;
  @Inject ObjectStore store;

  SyntheticLabelerHandle open(LabelerSpec spec) {
    if (spec.modelVersionId() == null)
      throw new BadInputException("a teacher needs modelVersionId");
    double threshold = spec.threshold() == null ? 0.5 : spec.threshold();
    if (threshold < 0 || threshold > 1) {
      throw new BadInputException("teacher threshold must be in [0, 1], was " + threshold);
    }
    ModelVersion version = runs.getModelVersion(spec.modelVersionId());
    if (version.labelEmbeddingsUri == null) {
      throw new BadInputException(
          "model version " + version.id + " has no label embeddings to score against");
    }
    long runId = version.run.id;
    LabelEmbeddingDatabase labels = loadLabels(version);
    OvidModel model =
        models.load(
            runId,
            new TrainedModelRef(
                new ObjectRef(version.checkpointUri, version.checkpointSha256, 0), 0, 0, 0));
    String name = version.modelName + "@" + version.version;
    var teacher =
        new TeacherLabeler(model, labels, name, threshold, models.temperature(runId, model));
    return new SyntheticLabelerHandle(teacher, "teacher:" + name, model);
  }

  private LabelEmbeddingDatabase loadLabels(ModelVersion version) {
    return LabelEmbeddingFiles.download(
        store, version.labelEmbeddingsUri, version.labelEmbeddingsSha256);
  }
}
