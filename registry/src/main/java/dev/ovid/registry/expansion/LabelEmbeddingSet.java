package dev.ovid.registry.expansion;

import dev.ovid.registry.common.OvidEntity;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A label-embedding database: every label of one vocabulary version embedded by one model version's
 * trained label encoder, stored in the object store under its sha256.
 */
@Entity
@Table(name = "label_embedding_set")
public class LabelEmbeddingSet extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "model_version_id")
  public ModelVersion modelVersion;

  @ManyToOne(optional = false)
  @JoinColumn(name = "vocabulary_version_id")
  public VocabularyVersion vocabularyVersion;

  @Column(nullable = false, length = 1000)
  public String uri;

  @Column(nullable = false, length = 64)
  public String sha256;

  @Column(name = "label_count", nullable = false)
  public int labelCount;

  @Column(name = "workflow_id", length = 255)
  public String workflowId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public static Optional<LabelEmbeddingSet> find(long modelVersionId, long vocabularyVersionId) {
    return find(
            "modelVersion.id = ?1 and vocabularyVersion.id = ?2",
            modelVersionId,
            vocabularyVersionId)
        .firstResultOptional();
  }
}
