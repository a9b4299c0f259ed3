package dev.ovid.registry.attributes;

import dev.ovid.registry.common.OvidEntity;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Provenance of one generated set of label attributes (the fixed-LLM baseline's text): who wrote
 * them (generator and model), with which prompt and K, for which labels; the attributes themselves
 * are the content-addressed JSON object at {@link #artifactUri}.
 */
@Entity
@Table(name = "label_attribute_set")
public class LabelAttributeSet extends OvidEntity {
  public static final String T5 = "t5";
  public static final String CHAT = "chat";

  /** sha256 of the inputs: generator, model, prompt, K and the sorted labels. */
  @Column(name = "inputs_sha256", nullable = false, length = 64)
  public String inputsSha256;

  /** {@value #T5} or {@value #CHAT}. */
  @Column(nullable = false, length = 20)
  public String generator;

  @Column(nullable = false, length = 500)
  public String model;

  @Column(nullable = false, length = 2000)
  public String prompt;

  @Column(name = "attributes_per_label", nullable = false)
  public int attributesPerLabel;

  @Column(name = "label_count", nullable = false)
  public int labelCount;

  @Column(name = "labels_sha256", nullable = false, length = 64)
  public String labelsSha256;

  /** The vocabulary version the labels were asked for, where the caller knew it. */
  @ManyToOne
  @JoinColumn(name = "vocabulary_version_id")
  public VocabularyVersion vocabularyVersion;

  @Column(name = "artifact_uri", nullable = false, length = 1000)
  public String artifactUri;

  @Column(name = "artifact_sha256", nullable = false, length = 64)
  public String artifactSha256;

  @Column(name = "created_by", nullable = false, length = 200)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** Times the set was served again instead of being generated. */
  @Column(name = "reuse_count", nullable = false)
  public int reuseCount;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;
}
