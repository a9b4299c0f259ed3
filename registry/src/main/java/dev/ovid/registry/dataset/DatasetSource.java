package dev.ovid.registry.dataset;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A registered place to curate a dataset from: a manifest or a Kinetics CSV, by unique name. */
@Entity
@Table(name = "dataset_source")
public class DatasetSource extends OvidEntity {
  /** The dataset name runs ask for; its versions are registered under the same name. */
  @Column(nullable = false, unique = true, length = 200)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  public DatasetSourceKind kind;

  /** The manifest or CSV: s3://bucket/key or a file path. */
  @Column(nullable = false, length = 1000)
  public String location;

  /** Where a Kinetics CSV's clips are (s3:// prefix or folder); null for manifests. */
  @Column(name = "video_root", length = 1000)
  public String videoRoot;

  /** YT8M_TFRECORD: the vocabulary.csv (s3:// or path); null otherwise. */
  @Column(name = "vocabulary_location", length = 1000)
  public String vocabularyLocation;

  /** YT8M_TFRECORD: the vocabulary curation rules as JSON; null keeps every named label. */
  @Column(name = "curation_rules", columnDefinition = "text")
  public String curationRulesJson;

  @Enumerated(EnumType.STRING)
  @Column(name = "unreadable_policy", nullable = false, length = 16)
  public UnreadableVideoHandling unreadablePolicy;

  @Column(columnDefinition = "text")
  public String description;

  @Column(name = "created_by", nullable = false, length = 200)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public static Optional<DatasetSource> findByName(String name) {
    return find("name", name).firstResultOptional();
  }
}
