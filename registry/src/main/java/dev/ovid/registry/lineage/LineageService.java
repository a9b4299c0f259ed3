package dev.ovid.registry.lineage;

import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.lineage.RunLineage.DatasetInfo;
import dev.ovid.registry.lineage.RunLineage.EvaluationInfo;
import dev.ovid.registry.lineage.RunLineage.ModelInfo;
import dev.ovid.registry.lineage.RunLineage.RunInfo;
import dev.ovid.registry.lineage.RunLineage.VocabularyInfo;
import dev.ovid.registry.model.Evaluation;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.vocabulary.Label;
import dev.ovid.registry.vocabulary.VersionedLabel;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import dev.ovid.registry.vocabulary.VocabularyVersionLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads a run's full lineage (dataset, vocabulary, models, evaluations, MLflow, Temporal). */
@ApplicationScoped
public class LineageService {

  @Transactional
  public RunLineage lineageOf(long runId) {
    TrainingRun run = TrainingRun.findById(runId);
    if (run == null) {
      throw NotFoundException.of("run", runId);
    }
    RunInfo info =
        new RunInfo(
            run.id,
            run.status,
            run.stage,
            run.progress,
            run.message,
            run.launchedBy,
            Json.readObject(run.hyperparametersJson, "hyperparameters of run " + runId),
            run.createdAt,
            run.finishedAt,
            run.lastStep,
            run.lastLoss);
    DatasetVersion d = run.datasetVersion;
    DatasetInfo dataset =
        d == null
            ? new DatasetInfo(run.datasetName, null, null, null, null, null, null, null)
            : new DatasetInfo(
                d.datasetName,
                d.id,
                d.version,
                d.manifestUri,
                d.manifestSha256,
                d.videoCount,
                d.labelCount,
                d.curationReportUri);
    var published = run.publishedVocabulary;
    VocabularyInfo vocabulary =
        new VocabularyInfo(
            run.vocabulary.id,
            run.vocabulary.name,
            run.vocabularyVersion,
            run.vocabulary.version,
            (int) Label.count("vocabulary", run.vocabulary),
            VocabularyVersion.latest(run.vocabulary).map(x -> x.version).orElse(null),
            published == null ? null : published.id,
            published == null ? null : published.sha256,
            published == null ? null : published.objectUri,
            published == null
                ? List.of()
                : VocabularyVersionLabel.of(published).stream().map(VersionedLabel::of).toList());
    var models =
        ModelVersion.ofRun(run).stream()
            .map(
                m ->
                    new ModelInfo(
                        m.id,
                        m.modelName,
                        m.version,
                        m.checkpointUri,
                        m.checkpointSha256,
                        m.labelEmbeddingsUri,
                        m.labelEmbeddingsSha256,
                        m.mlflowRunId,
                        m.createdAt))
            .toList();
    var evaluations =
        Evaluation.ofRun(run).stream()
            .map(
                e ->
                    new EvaluationInfo(
                        e.id,
                        e.modelVersion == null ? null : e.modelVersion.id,
                        e.datasetVersion.id,
                        e.aupr,
                        e.peakF1,
                        e.peakF1Threshold,
                        e.reportUri,
                        e.createdAt))
            .toList();
    return new RunLineage(
        info, dataset, vocabulary, models, evaluations, run.mlflowRunId, run.workflowId);
  }
}
