package dev.ovid.registry.expansion;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Records label-embedding databases; one row per (model version, vocabulary version). */
@ApplicationScoped
public class LabelEmbeddingSets {
  @Inject AuditLog audit;

  @Transactional
  public Optional<LabelEmbeddingSet> find(long modelVersionId, long vocabularyVersionId) {
    return LabelEmbeddingSet.find(modelVersionId, vocabularyVersionId);
  }

  /**
   * Records the set; idempotent: when the pair already has one, that row is returned unchanged (a
   * retried expansion stores the same content-addressed object and finds the first row).
   */
  @Transactional
  public LabelEmbeddingSet record(
      long modelVersionId,
      long vocabularyVersionId,
      String uri,
      String sha256,
      int labelCount,
      String workflowId,
      String actor) {
    ModelVersion model = ModelVersion.findById(modelVersionId, LockModeType.PESSIMISTIC_WRITE);
    if (model == null) throw NotFoundException.of("model version", modelVersionId);
    VocabularyVersion vocabulary = VocabularyVersion.findById(vocabularyVersionId);
    if (vocabulary == null) throw NotFoundException.of("vocabulary version", vocabularyVersionId);
    Optional<LabelEmbeddingSet> existing =
        LabelEmbeddingSet.find(modelVersionId, vocabularyVersionId);
    if (existing.isPresent()) return existing.get();
    LabelEmbeddingSet set = new LabelEmbeddingSet();
    set.modelVersion = model;
    set.vocabularyVersion = vocabulary;
    set.uri = uri;
    set.sha256 = Sha256.require("sha256", sha256);
    set.labelCount = labelCount;
    set.workflowId = workflowId;
    set.createdAt = Instant.now();
    set.persist();
    audit.record(
        actor,
        "vocabulary.expanded",
        "vocabulary-version",
        vocabularyVersionId,
        detail(
            "model",
            model.modelName + "@" + model.version,
            "vocabulary",
            vocabulary.vocabulary.name + "@" + vocabulary.version,
            "labels",
            labelCount,
            "uri",
            uri,
            "sha256",
            sha256,
            "workflowId",
            workflowId));
    return set;
  }

  /** The label-embedding sets of a model version, newest first. */
  @Transactional
  public List<LabelEmbeddingSet> ofModel(long modelVersionId) {
    return LabelEmbeddingSet.list("modelVersion.id = ?1 order by id desc", modelVersionId);
  }
}
