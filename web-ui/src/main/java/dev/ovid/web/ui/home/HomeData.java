package dev.ovid.web.ui.home;

import dev.ovid.registry.audit.AuditEvent;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.model.Evaluation;
import dev.ovid.registry.model.ModelAlias;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.web.ui.vocabularies.VocabularyRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the home page shows, read in one go as plain records. */
@ApplicationScoped
public class HomeData {
  static final int RUNS_SHOWN = 6;
  static final int EVENTS_SHOWN = 8;

  @Inject AuditLog audit;
  @Inject ModelRegistry models;
  @Inject VocabularyRows vocabularyRows;

  /** A registered model version with its newest evaluation's metrics (null when not evaluated). */
  public record ModelCard(
      long id,
      String modelName,
      int version,
      long runId,
      String mlflowRunId,
      Instant createdAt,
      Double aupr,
      Double peakF1,
      Double threshold) {}

  public record RunLine(
      long id,
      String dataset,
      String vocabulary,
      RunStatus status,
      String stage,
      double progress,
      String launchedBy,
      Instant at) {}

  /**
   * A vocabulary's draft: its revision, label count, latest published version (null: never) and
   * whether the draft holds changes not published yet.
   */
  public record VocabularyLine(
      String name,
      int version,
      long labels,
      Instant updatedAt,
      Integer published,
      boolean unpublishedChanges) {}

  public record EventLine(long id, Instant at, String actor, String action, String entity) {}

  /** The newest registered model version, if any. */
  @Transactional
  public Optional<ModelCard> latestModel() {
    return ModelVersion.<ModelVersion>find("order by createdAt desc, id desc")
        .firstResultOptional()
        .map(HomeData::card);
  }

  /** The version the configured model's production alias points at, if one was promoted. */
  @Transactional
  public Optional<ModelCard> productionModel() {
    return ModelAlias.find(models.modelName(), ModelAlias.PRODUCTION)
        .map(a -> card(a.modelVersion));
  }

  private static ModelCard card(ModelVersion m) {
    Optional<Evaluation> e =
        Evaluation.<Evaluation>find("modelVersion = ?1 order by id desc", m).firstResultOptional();
    return new ModelCard(
        m.id,
        m.modelName,
        m.version,
        m.run.id,
        m.mlflowRunId,
        m.createdAt,
        e.map(x -> x.aupr).orElse(null),
        e.map(x -> x.peakF1).orElse(null),
        e.map(x -> x.peakF1Threshold).orElse(null));
  }

  @Transactional
  public List<RunLine> runsInProgress() {
    return runs(false, "createdAt desc");
  }

  @Transactional
  public List<RunLine> latestOutcomes() {
    return runs(true, "finishedAt desc nulls last");
  }

  private List<RunLine> runs(boolean finished, String order) {
    List<RunStatus> statuses =
        Arrays.stream(RunStatus.values()).filter(s -> s.isFinal() == finished).toList();
    return TrainingRun.<TrainingRun>find("status in ?1 order by " + order + ", id desc", statuses)
        .page(0, RUNS_SHOWN)
        .list()
        .stream()
        .map(
            r ->
                new RunLine(
                    r.id,
                    r.datasetName,
                    r.vocabulary.name + " v" + r.vocabularyVersion,
                    r.status,
                    r.stage,
                    r.progress,
                    r.launchedBy,
                    finished && r.finishedAt != null ? r.finishedAt : r.createdAt))
        .toList();
  }

  public List<VocabularyLine> vocabularies() {
    return vocabularyRows.list().stream()
        .map(
            v ->
                new VocabularyLine(
                    v.name(),
                    v.revision(),
                    v.labels(),
                    v.updatedAt(),
                    v.published(),
                    v.unpublishedChanges()))
        .toList();
  }

  @Transactional
  public List<EventLine> newestEvents() {
    return audit.recent(EVENTS_SHOWN).stream()
        .map(
            (AuditEvent e) ->
                new EventLine(e.id, e.at, e.actor, e.action, e.entityType + " " + e.entityId))
        .toList();
  }
}
