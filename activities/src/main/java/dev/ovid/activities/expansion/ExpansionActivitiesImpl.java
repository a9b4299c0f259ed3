package dev.ovid.activities.expansion;

import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.activities.training.PipelineModels;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.embeddings.BatchLabelEncoder;
import dev.ovid.model.embeddings.LabelEmbeddingDatabase;
import dev.ovid.model.embeddings.LabelEntry;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.expansion.LabelEmbeddingSet;
import dev.ovid.registry.expansion.LabelEmbeddingSets;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.registry.vocabulary.VersionedLabel;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.expansion.ExpandVocabularyRequest;
import dev.ovid.workflows.expansion.ExpansionActivities;
import dev.ovid.workflows.expansion.ExpansionHeartbeat;
import dev.ovid.workflows.expansion.ExpansionRequest;
import dev.ovid.workflows.expansion.LabelEmbeddingSetRef;
import dev.ovid.workflows.expansion.LabelEmbeddingsRef;
import io.temporal.activity.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Vocabulary expansion: embeds every label of a vocabulary with a trained label encoder (the
 * learnable prompts included) into a label-embedding database file, so any label, seen in training
 * or not, can be scored.
 */
@ApplicationScoped
public class ExpansionActivitiesImpl implements ExpansionActivities {
  @Inject ObjectStore store;
  @Inject VocabularyService vocabularies;
  @Inject VocabularyVersions versions;
  @Inject RunRegistry runs;
  @Inject MlflowTracker mlflow;
  @Inject PipelineModels models;
  @Inject LabelEmbeddingSets sets;
  @Inject ExpansionProgressSignals progress;

  @Override
  public LabelEmbeddingsRef expand(ExpansionRequest request) {
    Vocabulary vocabulary = vocabularies.get(request.vocabularyId());
    TrainingRun run = runs.get(request.runId());
    // The run's published version when it has one; runs from before versions use the draft.
    List<String> names =
        run.publishedVocabulary != null
            ? versions.labels(run.publishedVocabulary.id).stream()
                .map(VersionedLabel::name)
                .toList()
            : vocabularies.labels(vocabulary.name).stream().map(l -> l.name).toList();
    if (names.isEmpty()) {
      throw new BadInputException("vocabulary '" + vocabulary.name + "' has no labels to embed");
    }
    String modelVersion =
        "run-" + request.runId() + "@" + request.model().checkpoint().sha256().substring(0, 12);
    LabelEmbeddingDatabase database;
    try (OvidModel model = models.load(request.runId(), request.model())) {
      database = embed(model, names, modelVersion, done -> {});
    }
    StoredObject stored =
        ScratchFiles.withTempFile(
            "ovid-labels-",
            ".ovidemb",
            file -> {
              database.save(file);
              String sha = Sha256.of(Files.readAllBytes(file));
              StoredObject object =
                  store.put(
                      "runs/" + request.runId() + "/label-embeddings/" + sha + ".ovidemb", file);
              mlflow.logArtifact(
                  request.mlflowRunId(), "label-embeddings/" + vocabulary.name + ".ovidemb", file);
              return object;
            });
    return new LabelEmbeddingsRef(
        new ObjectRef(stored.uri(), stored.sha256(), stored.size()),
        database.size(),
        run.publishedVocabulary != null ? run.publishedVocabulary.version : vocabulary.version);
  }

  @Override
  public LabelEmbeddingSetRef expandVersion(ExpandVocabularyRequest request) {
    var existing = sets.find(request.modelVersionId(), request.vocabularyVersionId());
    if (existing.isPresent()) return ref(existing.get(), false);
    ModelVersion modelVersion = runs.getModelVersion(request.modelVersionId());
    VocabularyVersion vocabulary = versions.get(request.vocabularyVersionId());
    List<VersionedLabel> labels = versions.labels(vocabulary.id);
    List<String> names = labels.stream().map(VersionedLabel::name).toList();
    var context = Activity.getExecutionContext();
    String modelRef = modelVersion.modelName + "@" + modelVersion.version;
    LabelEmbeddingDatabase database;
    try (OvidModel model = models.load(modelVersion)) {
      database =
          embed(
              model,
              names,
              modelRef,
              done -> {
                ExpansionHeartbeat beat = new ExpansionHeartbeat(done, names.size());
                context.heartbeat(beat);
                progress.report(context.getInfo(), beat);
              });
    }
    StoredObject stored =
        ScratchFiles.withTempFile(
            "ovid-labels-",
            ".ovidemb",
            file -> {
              database.save(file);
              // Content-addressed: the same model and labels give the same object.
              return store.put("label-embeddings/" + Sha256.of(file) + ".ovidemb", file);
            });
    LabelEmbeddingSet set =
        sets.record(
            modelVersion.id,
            vocabulary.id,
            stored.uri(),
            stored.sha256(),
            database.size(),
            context.getInfo().getWorkflowId(),
            request.actor() == null ? "system:expansion" : request.actor());
    return ref(set, true);
  }

  private static LabelEmbeddingSetRef ref(LabelEmbeddingSet set, boolean created) {
    return new LabelEmbeddingSetRef(
        set.id,
        set.modelVersion.id,
        set.vocabularyVersion.id,
        new ObjectRef(set.uri, set.sha256, 0),
        set.labelCount,
        created);
  }

  private static LabelEmbeddingDatabase embed(
      OvidModel model, List<String> names, String modelVersion, IntConsumer progress) {
    List<LabelEntry> entries = new ArrayList<>();
    for (int i = 0; i < names.size(); i++)
      entries.add(new LabelEntry(String.valueOf(i), names.get(i)));
    int[] done = {0};
    return LabelEmbeddingDatabase.build(
        entries,
        batch -> {
          try (var scope = model.manager().newSubManager()) {
            float[][] out =
                BatchLabelEncoder.fromNDArray(n -> model.embedLabels(n, scope)).encode(batch);
            done[0] += batch.size();
            progress.accept(done[0]);
            return out;
          }
        },
        LabelEmbeddingDatabase.DEFAULT_BATCH_SIZE,
        modelVersion);
  }
}
