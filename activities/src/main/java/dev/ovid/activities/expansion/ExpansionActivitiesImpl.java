package dev.ovid.activities.expansion;

import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.activities.training.PipelineModels;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.embeddings.BatchLabelEncoder;
import dev.ovid.model.embeddings.LabelEmbeddingDatabase;
import dev.ovid.model.embeddings.LabelEntry;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.expansion.ExpansionActivities;
import dev.ovid.workflows.expansion.ExpansionRequest;
import dev.ovid.workflows.expansion.LabelEmbeddingsRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.List;

/**
 * Vocabulary expansion: embeds every label of the vocabulary with the trained label encoder into a
 * label-embedding database file, so any label (seen in training or not) can be scored.
 */
@ApplicationScoped
public class ExpansionActivitiesImpl implements ExpansionActivities {
  @Inject ObjectStore store;
  @Inject VocabularyService vocabularies;
  @Inject MlflowTracker mlflow;
  @Inject PipelineModels models;

  @Override
  public LabelEmbeddingsRef expand(ExpansionRequest request) {
    Vocabulary vocabulary = vocabularies.get(request.vocabularyId());
    List<LabelEntry> labels =
        vocabularies.labels(vocabulary.name).stream()
            .map(l -> new LabelEntry(String.valueOf(l.id), l.name))
            .toList();
    if (labels.isEmpty()) {
      throw new BadInputException("vocabulary '" + vocabulary.name + "' has no labels to embed");
    }
    String modelVersion =
        "run-" + request.runId() + "@" + request.model().checkpoint().sha256().substring(0, 12);
    LabelEmbeddingDatabase database;
    try (OvidModel model = models.load(request.runId(), request.model())) {
      database =
          LabelEmbeddingDatabase.build(
              labels,
              names -> {
                try (var scope = model.manager().newSubManager()) {
                  return BatchLabelEncoder.fromNDArray(n -> model.embedLabels(n, scope))
                      .encode(names);
                }
              },
              LabelEmbeddingDatabase.DEFAULT_BATCH_SIZE,
              modelVersion);
    }
    StoredObject stored = store(database, request, vocabulary.name);
    return new LabelEmbeddingsRef(
        new ObjectRef(stored.uri(), stored.sha256(), stored.size()),
        database.size(),
        vocabulary.version);
  }

  private StoredObject store(
      LabelEmbeddingDatabase database, ExpansionRequest request, String vocabularyName) {
    return ScratchFiles.withTempFile(
        "ovid-labels-",
        ".ovidemb",
        file -> {
          database.save(file);
          String sha = Sha256.of(Files.readAllBytes(file));
          StoredObject stored =
              store.put("runs/" + request.runId() + "/label-embeddings/" + sha + ".ovidemb", file);
          mlflow.logArtifact(
              request.mlflowRunId(), "label-embeddings/" + vocabularyName + ".ovidemb", file);
          return stored;
        });
  }
}
